import { RuleError } from '../../../../core/errors.js';
import { describeExpiry } from '../../../../core/expiry-state.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { Printer } from '../../../../output/printer.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { accessibleKeys } from '../../../runtime/key-source.js';
import { resolveKeys } from '../shared/resolve-key.js';
import type { KeysDeleteOptions } from './options.js';

export const keyLabel = (r: AccessKeyRecord) => `${quoteForMessage(r.name)} (${r.access_key})`;

/** Every visible expired key; only those are held while the pages go by. */
async function expiredKeys(conn: Connection, now: Date): Promise<AccessKeyRecord[]> {
  const out: AccessKeyRecord[] = [];
  for await (const record of accessibleKeys(conn)) {
    if (describeExpiry(record, now).state === 'expired') out.push(record);
  }
  return out;
}

/**
 * The keys `keys delete` will delete, all resolved before anything is deleted: a typo or an
 * ambiguous name fails the whole command. A named non-deletable key is refused (exit 6);
 * `--expired` skips non-deletable keys with a warning. Duplicates are dropped, and the key
 * helixctl is signed in with goes last so that deleting it cannot cut the others off.
 */
export async function deleteTargets(
  conn: Connection,
  options: KeysDeleteOptions,
  now: Date,
  printer: Printer,
): Promise<AccessKeyRecord[]> {
  const named = options.keys.length > 0 ? await resolveKeys(conn, options.keys) : [];
  const refused = named.filter((r) => r.non_deletable);
  if (refused.length > 0) {
    const plural = refused.length === 1 ? 'key is' : 'keys are';
    throw new RuleError(`non-deletable ${plural} refused: ${refused.map(keyLabel).join(', ')}`, {
      hint: 'nothing was deleted; leave these keys out',
      code: 'NON_DELETABLE',
    });
  }
  const expired = options.expired ? await expiredKeys(conn, now) : [];
  for (const r of expired.filter((k) => k.non_deletable)) {
    printer.warn(`skipping non-deletable key ${keyLabel(r)}`);
  }
  const unique = new Map<string, AccessKeyRecord>();
  for (const r of [...named, ...expired.filter((k) => !k.non_deletable)]) {
    unique.set(r.access_key, r);
  }
  const own = conn.credential.accessKey;
  const list = [...unique.values()];
  return [...list.filter((r) => r.access_key !== own), ...list.filter((r) => r.access_key === own)];
}
