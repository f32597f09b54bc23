import { UsageError } from './errors.js';

/** The three parts of a key credential. */
export interface Credential {
  accessKey: string;
  secretKey: string;
  tenantId: string;
}

/**
 * A credential just generated (`keys add`, `keys rotate`): the only moment its secret exists
 * in clear. Plain strings only, so that the secret sinks and the box stay free of API types.
 */
export interface NewCredential extends Readonly<Credential> {
  /** The key's name, shown in the box's title when given. */
  readonly name?: string | undefined;
  /** The copy format (contract section 7), as formatCredential writes it. */
  readonly credential: string;
}

const ACCESS_KEY = /^[A-Z0-9]{30}$/;
const SECRET_KEY = /^[A-Za-z0-9]{50}$/;
const TENANT_ID = /^\d{1,20}$/;
const COPY_FORMAT = 'key:<access key>::<secret key>,tenant id:<tenant id>';
const TRIPLE_FORMAT = '<tenant id>::<access key>::<secret key>';

/**
 * The copy format (docs/cli-contract.md §7): `key:<access key>::<secret key>,tenant id:<tenant id>`.
 * Values are written as given: server values are not re-validated here.
 */
export function formatCredential({ accessKey, secretKey, tenantId }: Credential): string {
  return `key:${accessKey}::${secretKey},tenant id:${tenantId}`;
}

/**
 * An access key as the service generates them: 30 of `[A-Z0-9]` with at least one letter, so
 * that it can never be mistaken for a numeric user id.
 */
export function isAccessKeyShaped(text: string): boolean {
  return ACCESS_KEY.test(text) && /[A-Z]/.test(text);
}

/** A numeric IMS id (user ids are 15 digits); what `{key}` paths accept besides an access key. */
export function isUserIdShaped(text: string): boolean {
  return /^\d{1,20}$/.test(text);
}

/** A tenant id: digits only (the service's are about 10). */
export function isTenantIdShaped(text: string): boolean {
  return TENANT_ID.test(text);
}

/**
 * Reads a credential in the copy format (with or without a space after `tenant id:`, the
 * portal's own rendering) or as `<tenant id>::<access key>::<secret key>`. Surrounding
 * whitespace and a trailing newline are ignored.
 *
 * @throws UsageError naming what is wrong. Messages never quote the input: the access-key slot
 *   may hold a secret when the parts were pasted in the wrong order.
 */
export function parseCredential(text: string): Credential {
  const trimmed = text.trim();
  if (trimmed === '') throw invalid('it is empty');
  if (/[\r\n]/.test(trimmed)) throw invalid('it must be a single line');
  if (/^key:/i.test(trimmed)) return parseCopyFormat(trimmed.slice(4).trimStart());
  const parts = trimmed.split('::');
  if (parts.length === 3) return parseTriple(parts as [string, string, string]);
  if (/tenant id\s*:/i.test(trimmed))
    throw invalid(`missing "key:" prefix (expected ${COPY_FORMAT})`);
  throw invalid(`expected ${COPY_FORMAT} or ${TRIPLE_FORMAT}`);
}

function parseCopyFormat(body: string): Credential {
  const sep = body.indexOf('::');
  if (sep < 0) throw invalid('missing "::" between the access key and the secret key');
  const accessKey = body.slice(0, sep);
  const rest = body.slice(sep + 2);
  const comma = rest.indexOf(',');
  if (comma < 0) throw invalid('missing ",tenant id:<tenant id>" after the secret key');
  const secretKey = rest.slice(0, comma);
  const tail = rest.slice(comma + 1).trimStart();
  if (!/^tenant id\s*:/i.test(tail)) throw invalid('expected "tenant id:" after the comma');
  const tenantId = tail.replace(/^tenant id\s*:\s*/i, '');
  return checked({ accessKey, secretKey, tenantId });
}

function parseTriple([tenantId, accessKey, secretKey]: [string, string, string]): Credential {
  if (!TENANT_ID.test(tenantId) && TENANT_ID.test(secretKey)) {
    throw invalid(`the parts are out of order (expected ${TRIPLE_FORMAT})`);
  }
  return checked({ accessKey, secretKey, tenantId });
}

function checked(credential: Credential): Credential {
  const { accessKey, secretKey, tenantId } = credential;
  if (SECRET_KEY.test(accessKey) && ACCESS_KEY.test(secretKey)) {
    throw invalid('the access key and the secret key are swapped');
  }
  const accessProblem = accessKeyProblem(accessKey);
  if (accessProblem) throw invalid(`the access key ${accessProblem}`);
  const secretProblem = secretKeyProblem(secretKey);
  if (secretProblem) throw invalid(`the secret key ${secretProblem}`);
  if (/^\d+\s/.test(tenantId)) throw invalid('unexpected text after the tenant id');
  if (!TENANT_ID.test(tenantId)) throw invalid('the tenant id must be digits only');
  return credential;
}

/** Why `text` is not an access key (30 of `[A-Z0-9]`), or undefined when it is one. */
export function accessKeyProblem(text: string): string | undefined {
  if (ACCESS_KEY.test(text)) return undefined;
  if (text === '') return 'is empty';
  const what = /^[A-Za-z0-9]+$/.test(text)
    ? /[a-z]/.test(text)
      ? 'upper-case letters and digits (it has lower-case letters)'
      : 'upper-case letters and digits'
    : 'upper-case letters and digits (it has other characters)';
  return `must be 30 ${what}, got ${Array.from(text).length} characters`;
}

/** Why `text` is not a secret key (50 of `[A-Za-z0-9]`), or undefined. Never quotes it. */
export function secretKeyProblem(text: string): string | undefined {
  if (SECRET_KEY.test(text)) return undefined;
  if (text === '') return 'is empty';
  const other = /^[A-Za-z0-9]+$/.test(text)
    ? ''
    : ' (it has characters other than letters and digits)';
  return `must be 50 letters and digits, got ${Array.from(text).length} characters${other}`;
}

function invalid(reason: string): UsageError {
  return new UsageError(`invalid credential: ${reason}`, {
    hint: `paste it as ${COPY_FORMAT}`,
  });
}
