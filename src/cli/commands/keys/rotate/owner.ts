import { RuleError } from '../../../../core/errors.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { requireFreeUserKeySlot } from '../shared/user-key-count.js';

async function ownerOf(conn: Connection, old: AccessKeyRecord): Promise<string> {
  if (old.owner_user_id !== undefined) return old.owner_user_id;
  // Without the owner field, a non-administrator can only be rotating their own key.
  if (!(await conn.isAdmin())) return (await conn.userinfo()).user_id;
  throw new RuleError(`the service does not say who owns user-level key ${old.access_key}`, {
    hint: 'rotate it without --grace',
  });
}

/**
 * Where the clone of `old` is created: a user-level key is cloned as a key of the same owner,
 * which needs a free slot. Counted before anything is created, so a full owner costs nothing.
 */
export async function cloneOwner(
  conn: Connection,
  old: AccessKeyRecord,
): Promise<{ kind: 'tenant' } | { kind: 'user'; userId: string }> {
  if (old.type !== 'USER') return { kind: 'tenant' };
  const userId = await ownerOf(conn, old);
  await requireFreeUserKeySlot(conn, userId, {
    purpose: '--grace needs a free slot for the new key',
    hint: "rotate without --grace (the secret changes at once), or delete the user's other key first",
  });
  return { kind: 'user', userId };
}
