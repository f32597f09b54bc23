import {
  accessKeyProblem,
  isTenantIdShaped,
  parseCredential,
  secretKeyProblem,
} from '../core/credential.js';
import type { Env } from '../core/env.js';
import { isHelixError, UsageError } from '../core/errors.js';
import { parsePortalUrl } from '../core/portal-url.js';
import { quoteForMessage } from '../core/quote.js';
import { Redacted } from '../core/redacted.js';
import { validateProfileName } from './profile-schema.js';

/** The environment's settings, checked: a bad value is a UsageError naming the variable. */
export interface EnvValues {
  profile?: string;
  url?: string;
  tenantId?: string;
  accessKey?: string;
  secretKey?: Redacted;
  /** Which variables gave the key: for messages. */
  credentialFrom?: 'HELIX_CREDENTIAL' | 'HELIX_ACCESS_KEY';
  /** `HELIXCTL_OUTPUT` as set; checked by resolveOutputFormat (core). */
  output?: string;
  cache: boolean;
}

/** Reads and checks every variable of docs/cli-contract.md §2. Empty means unset. */
export function readEnvValues(env: Env): EnvValues {
  const get = (name: string) => (env[name] === '' ? undefined : env[name]);
  const values: EnvValues = { cache: get('HELIXCTL_CACHE') === '1' };
  const profile = get('HELIXCTL_PROFILE');
  if (profile !== undefined)
    values.profile = validateProfileName(profile, 'HELIXCTL_PROFILE value');
  const url = get('HELIX_URL');
  if (url !== undefined) values.url = parsePortalUrl(url, 'HELIX_URL');
  const tenant = get('HELIX_TENANT_ID');
  if (tenant !== undefined) values.tenantId = checkTenantId(tenant.trim(), 'HELIX_TENANT_ID');
  const output = get('HELIXCTL_OUTPUT');
  if (output !== undefined) values.output = output;
  Object.assign(values, readEnvCredential(get));
  return values;
}

function readEnvCredential(get: (name: string) => string | undefined): Partial<EnvValues> {
  const credential = get('HELIX_CREDENTIAL');
  const accessKey = get('HELIX_ACCESS_KEY')?.trim();
  const secretKey = get('HELIX_SECRET_KEY')?.trim();
  if (credential !== undefined) {
    if (accessKey !== undefined || secretKey !== undefined) {
      throw new UsageError(
        'set either HELIX_CREDENTIAL or HELIX_ACCESS_KEY and HELIX_SECRET_KEY, not both',
      );
    }
    const parsed = parseNamed(credential);
    const tenant = get('HELIX_TENANT_ID')?.trim();
    if (tenant !== undefined && tenant !== parsed.tenantId) {
      throw new UsageError('HELIX_TENANT_ID does not match the tenant id in HELIX_CREDENTIAL');
    }
    const { accessKey: key, secretKey: secret, tenantId } = parsed;
    return {
      accessKey: key,
      secretKey: new Redacted(secret),
      tenantId,
      credentialFrom: 'HELIX_CREDENTIAL',
    };
  }
  const values: Partial<EnvValues> = {};
  if (accessKey !== undefined) {
    const problem = accessKeyProblem(accessKey);
    if (problem) throw new UsageError(`HELIX_ACCESS_KEY ${problem}`);
    values.accessKey = accessKey;
    values.credentialFrom = 'HELIX_ACCESS_KEY';
  }
  if (secretKey !== undefined) {
    const problem = secretKeyProblem(secretKey);
    if (problem) throw new UsageError(`HELIX_SECRET_KEY ${problem}`);
    values.secretKey = new Redacted(secretKey);
  }
  return values;
}

function parseNamed(credential: string) {
  try {
    return parseCredential(credential);
  } catch (error) {
    if (!isHelixError(error)) throw error;
    throw new UsageError(`HELIX_CREDENTIAL: ${error.message}`, { hint: error.hint });
  }
}

/** @throws UsageError naming `name` unless `text` is digits only. */
export function checkTenantId(text: string, name: string): string {
  if (isTenantIdShaped(text)) return text;
  throw new UsageError(`${name} must be a numeric tenant id, got ${quoteForMessage(text)}`);
}

/** @throws UsageError naming `name` unless `text` is one of the output formats. */
