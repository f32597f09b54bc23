import { accessKeyProblem } from '../core/credential.js';
import { UsageError } from '../core/errors.js';
import { parsePortalUrl } from '../core/portal-url.js';
import type { Redacted } from '../core/redacted.js';
import { isInsecureRemote, sameDestination } from '../core/url-origin.js';
import { checkTenantId, type EnvValues } from './env-values.js';
import type { Profile } from './profile-schema.js';
import type { GlobalFlags, LoadedFiles, ProfileChoice, Sourced } from './settings.js';

type Fields = {
  url: Sourced<string | undefined>;
  tenantId: Sourced<string | undefined>;
  accessKey: Sourced<string | undefined>;
  secretKey: Sourced<Redacted | undefined>;
};

/** URL, tenant, key and secret by precedence; the secret follows the key it belongs to. */
export function resolveFields(
  choice: ProfileChoice,
  flags: GlobalFlags,
  shellEnv: EnvValues,
  files: LoadedFiles,
): Fields {
  // The local emulator has no URL and its own tenant and credential: HELIX_URL, HELIX_TENANT_ID
  // or credentials in the shell (meant for a real tenant) must not redirect or break it.
  const env: EnvValues = choice.mode === 'local' ? withoutTarget(shellEnv) : shellEnv;
  const stored = choice.stored;
  const fallback = choice.mode === 'local' ? 'built-in' : 'default';
  if (choice.mode === 'local' && flags.url !== undefined) {
    throw new UsageError(
      '--url cannot be used with the local profile (it is the built-in emulator)',
    );
  }
  const url = pick(
    flags.url === undefined ? undefined : parsePortalUrl(flags.url, '--url'),
    env.url,
    stored?.url,
    fallback,
  );
  const tenantId = pick(
    flags.tenant === undefined ? undefined : checkTenantId(flags.tenant.trim(), '--tenant'),
    env.tenantId,
    stored?.tenant_id,
    fallback,
  );
  const accessKey = pick(
    checkFlagAccessKey(flags.accessKey),
    env.accessKey,
    stored?.access_key,
    fallback,
  );
  if (choice.mode !== 'local') checkPlainHttp(url, stored);
  const secretKey = secretFor(accessKey.value, env, stored?.access_key, choice.name, files);
  if (secretKey.source === 'file') checkDestination(url, stored?.url, choice.name);
  return { url, tenantId, accessKey, secretKey };
}

/**
 * Plain http only to loopback: anything else would send the secret and tokens in clear. A
 * profile saved with `login --insecure-http` may, for its own URL (connect warns every time).
 */
function checkPlainHttp(url: Sourced<string | undefined>, stored: Profile | undefined): void {
  if (url.value === undefined || !isInsecureRemote(url.value)) return;
  if (
    stored?.insecure_http === true &&
    stored.url !== undefined &&
    sameDestination(stored.url, url.value)
  )
    return;
  throw new UsageError(
    `refusing plain http to ${new URL(url.value).host}: the secret would be sent in clear (http is allowed only to loopback)`,
    { hint: 'use https://, or log in with --insecure-http to accept the risk for that profile' },
  );
}

/**
 * A stored secret goes only to the URL it was saved for: a URL from --url or HELIX_URL that
 * points elsewhere (scheme, host, port; the path too when the profile has one) is refused
 * before any request. A credential from the environment may go to HELIX_URL.
 */
function checkDestination(
  url: Sourced<string | undefined>,
  saved: string | undefined,
  profile: string | undefined,
): void {
  if (url.value === undefined || saved === undefined || url.source === 'file') return;
  if (sameDestination(saved, url.value)) return;
  const from = url.source === 'flag' ? '--url' : 'HELIX_URL';
  throw new UsageError(
    `${from} (${url.value}) is not the URL profile ${profile} was saved for (${saved}): its stored secret is sent only there`,
    {
      hint: `drop ${from}, or log in to that URL under another profile: helixctl login --url ${url.value} --profile <name>`,
    },
  );
}

function withoutTarget(env: EnvValues): EnvValues {
  const { url: _u, tenantId: _t, accessKey: _a, secretKey: _s, ...rest } = env;
  return rest;
}

function pick<T>(
  flag: T | undefined,
  env: T | undefined,
  file: T | undefined,
  fallback: 'built-in' | 'default',
): Sourced<T | undefined> {
  if (flag !== undefined) return { value: flag, source: 'flag' };
  if (env !== undefined) return { value: env, source: 'env' };
  if (file !== undefined) return { value: file, source: 'file' };
  return { value: undefined, source: fallback };
}

function checkFlagAccessKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = accessKeyProblem(value.trim());
  if (problem) throw new UsageError(`--access-key ${problem}`);
  return value.trim();
}

/** The environment's secret when it belongs to the chosen key, else the stored one when it does. */
function secretFor(
  key: string | undefined,
  env: EnvValues,
  storedKey: string | undefined,
  profile: string | undefined,
  files: LoadedFiles,
): Sourced<Redacted | undefined> {
  if (env.secretKey && (env.accessKey === undefined || env.accessKey === key))
    return { value: env.secretKey, source: 'env' };
  const stored =
    profile !== undefined && Object.hasOwn(files.secrets, profile)
      ? files.secrets[profile]
      : undefined;
  if (stored && key !== undefined && key === storedKey) return { value: stored, source: 'file' };
  return { value: undefined, source: 'default' };
}
