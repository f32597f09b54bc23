/**
 * The character sets of the values the service hands us and that we then pass on: into a
 * `--secret-file`, an `--exec` child's environment, the clipboard, a terminal
 * (docs/security.md, "Values from the service"). A value outside its set is not what the
 * service promises (docs/ims-api.md), so it is refused before any sink, never cleaned up.
 *
 * - `access_secret_key`: 50 characters of [A-Za-z0-9] on the emulator; accepted: 16 to 256
 *   printable ASCII characters (U+0021-U+007E) other than `,`, which ends the secret in the
 *   copy format (`key:<access key>::<secret>,tenant id:<id>`). No space, no control.
 * - `access_key`: 30 characters of [A-Z0-9] on the emulator; accepted: 1 to 128 of
 *   [A-Za-z0-9_-] (no `:`, which ends it in the copy format).
 * - `tenant_id`: 1 to 20 digits.
 */
const RULES = {
  access_key: /^[A-Za-z0-9_-]{1,128}$/,
  access_secret_key: /^[\x21-\x2b\x2d-\x7e]{16,256}$/,
  tenant_id: /^[0-9]{1,20}$/,
} as const;

export type ServiceField = keyof typeof RULES;

export interface ServiceCredentialValues {
  accessKey: unknown;
  secretKey: unknown;
  tenantId: unknown;
}

/** The first field that is not a string of its character set, or undefined when all are. */
export function badServiceField(values: ServiceCredentialValues): ServiceField | undefined {
  const fields: [ServiceField, unknown][] = [
    ['access_key', values.accessKey],
    ['access_secret_key', values.secretKey],
    ['tenant_id', values.tenantId],
  ];
  for (const [field, value] of fields) {
    if (typeof value !== 'string' || !RULES[field].test(value)) return field;
  }
  return undefined;
}
