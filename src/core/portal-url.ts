import { UsageError } from './errors.js';
import { quoteForMessage } from './quote.js';

/**
 * Checks a portal URL (`--url`, `HELIX_URL`, a stored profile) and returns it normalised:
 * http or https only, no user name or password (they would end up in logs), no query or
 * fragment, no trailing slash. A path is kept, for portals behind a reverse proxy.
 *
 * @param name what to call it in messages, e.g. `HELIX_URL` or `--url`.
 * @throws UsageError naming `name`; the URL is quoted only when it holds no credentials.
 */
export function parsePortalUrl(text: string, name: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    // Hide anything that looks like user:password@ before quoting the input back.
    const shown = trimmed.replace(/\/\/[^/]*@/, '//***@');
    throw new UsageError(`${name} ${quoteForMessage(shown)} is not a URL`, {
      hint: 'expected e.g. https://mycompany-tenant.onbmc.com',
    });
  }
  if (url.username || url.password) {
    throw new UsageError(`${name} must not contain a user name or password`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `${name} must start with https:// or http://, got ${quoteForMessage(url.protocol)}`,
    );
  }
  if (url.search || url.hash) throw new UsageError(`${name} must not have a query or fragment`);
  checkHostLength(url.hostname, name);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** DNS limits (RFC 1035): a host name is at most 253 characters, each label at most 63. */
function checkHostLength(host: string, name: string): void {
  const longest = Math.max(...host.split('.').map((label) => label.length));
  if (host.length > 253 || longest > 63) {
    throw new UsageError(
      `${name} has an impossible host name (${host.length} characters; at most 253, 63 between dots)`,
      { hint: 'expected e.g. https://mycompany-tenant.onbmc.com' },
    );
  }
}
