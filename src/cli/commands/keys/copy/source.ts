import { formatCredential, secretKeyProblem } from '../../../../core/credential.js';
import { UsageError } from '../../../../core/errors.js';
import { readSecretFromStdin } from '../../../../output/stdin-secret.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { resolveKey } from '../shared/resolve-key.js';
import { tenantIdOf } from '../shared/tenant-id.js';
import type { KeysCopyOptions } from './options.js';

/** A credential ready to copy, and what it is made of (for messages and JSON). */
export interface CopySource {
  accessKey: string;
  tenantId: string;
  /** The key's name when a key was named. */
  name?: string | undefined;
  /** `clear`: a usable secret; `stored`: the service's one-way form, not a usable secret. */
  secretForm: 'clear' | 'stored';
  /** The copy format (docs/cli-contract.md §7). */
  credential: string;
  /** The secret itself when it is usable (masked under GitHub Actions with the credential). */
  clearSecret?: string | undefined;
  /** Words for messages: "the credential of ..." */
  label: string;
}

/** Reads `--secret-stdin` before any request, and refuses what cannot be a secret key. */
export async function readGivenSecret(
  ctx: CommandContext,
  options: KeysCopyOptions,
): Promise<string | undefined> {
  if (!options.secretStdin) return undefined;
  if (options.key === undefined) {
    throw new UsageError('--secret-stdin goes with a key', {
      hint: 'helixctl keys copy <key> --secret-stdin',
    });
  }
  const secret = await readSecretFromStdin(ctx.io);
  const problem = secretKeyProblem(secret);
  if (problem) throw new UsageError(`the secret key read from standard input ${problem}`);
  return secret;
}

/**
 * What `keys copy` copies: no key, the active profile's own credential; a key and a secret
 * from stdin, that key (which must exist) with that secret; a key alone, the key with the
 * stored one-way form of its secret (`GET /access_keys/{key}/secret`).
 */
export async function copySource(
  ctx: CommandContext,
  conn: Connection,
  key: string | undefined,
  secret: string | undefined,
): Promise<CopySource> {
  const tenantId = await tenantIdOf(conn);
  if (key === undefined) {
    const { accessKey, secretKey } = conn.credential;
    const profile = conn.settings.profile.value;
    return {
      accessKey,
      tenantId,
      secretForm: 'clear',
      credential: formatCredential({ accessKey, secretKey, tenantId }),
      clearSecret: secretKey,
      label: profile ? `the credential of profile ${profile}` : 'the credential in use',
    };
  }
  const record = await resolveKey(conn, key);
  const secretKey =
    secret ?? (await conn.client.getStoredSecret(record.access_key)).encrypted_secret_key;
  if (secret === undefined) {
    ctx.printer.warn(
      `this is the stored one-way form of the secret of "${record.name}", which cannot log in: a secret can be copied in clear only when it is generated (\`helixctl keys rotate ${record.access_key}\` makes a new one)`,
    );
  }
  return {
    accessKey: record.access_key,
    tenantId,
    name: record.name,
    secretForm: secret === undefined ? 'stored' : 'clear',
    credential: formatCredential({ accessKey: record.access_key, secretKey, tenantId }),
    clearSecret: secret,
    label: `the credential of "${record.name}" (${record.access_key})`,
  };
}
