/**
 * Where a stored secret may go (docs/security.md, "A stored secret goes only where it
 * belongs"). Pure: parses URLs already checked by parsePortalUrl.
 */

/** True for http(s) URLs whose host is loopback: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(text: string): boolean {
  const host = new URL(text).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** True when `text` is plain http to a host that is not loopback: the secret would travel in clear. */
export function isInsecureRemote(text: string): boolean {
  return new URL(text).protocol === 'http:' && !isLoopbackUrl(text);
}

/**
 * True when `candidate` points where `saved` does: same scheme, host and port, and, when the
 * saved URL has a path, the same path.
 */
export function sameDestination(saved: string, candidate: string): boolean {
  const a = new URL(saved);
  const b = new URL(candidate);
  if (a.origin !== b.origin) return false;
  const path = (u: URL) => u.pathname.replace(/\/+$/, '');
  return path(a) === '' || path(a) === path(b);
}
