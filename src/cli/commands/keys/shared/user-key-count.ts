import { RuleError } from '../../../../core/errors.js';
import { USER_KEY_LIMIT } from '../../../../core/user-key-limit.js';
import type { Connection } from '../../../runtime/connection.js';

/** What to do about a full owner, for a new user-level key. */
export const FULL_OWNER_HINT = `a person may hold ${USER_KEY_LIMIT} user-level keys (deactivated ones count): delete one first`;

/**
 * How many user-level keys `userId` holds (`GET /users/{id}/access_keys`; an unknown user is
 * the service's 404, exit 5), refusing with exit 6 when there is no free slot for one more:
 * `refusal.purpose` says what the slot was needed for.
 */
export async function requireFreeUserKeySlot(
  conn: Connection,
  userId: string,
  refusal: { purpose: string; hint: string },
): Promise<number> {
  let held = 0;
  for await (const _key of conn.client.listUserKeys(userId)) held += 1;
  if (held >= USER_KEY_LIMIT) {
    throw new RuleError(
      `user ${userId} already has ${held} user-level keys (the limit is ${USER_KEY_LIMIT}): ${refusal.purpose}`,
      { code: 'USER_KEY_LIMIT', hint: refusal.hint },
    );
  }
  return held;
}
