import { isUserIdShaped } from '../../../../core/credential.js';
import { PermissionError, UsageError } from '../../../../core/errors.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { Connection } from '../../../runtime/connection.js';
import type { KeysAddOptions } from './options.js';

/** Who a new key belongs to: the tenant (`POST /access_keys`) or one person (`/users/{id}/...`). */
export type KeyOwner = { kind: 'tenant' } | { kind: 'user'; userId: string; self: boolean };

/** Refuses `--group`/`--role` for a user-level key, which inherits its owner's. */
function refuseAssignments(options: KeysAddOptions, why: string): void {
  if (options.groups.length === 0 && options.roles.length === 0) return;
  throw new UsageError(
    `${why}: a user-level key inherits its owner's groups and roles, so --group and --role cannot be used`,
    { hint: 'give the groups or roles to the user instead' },
  );
}

/**
 * Decides where the key is created, before anything is asked or changed:
 * - `--user <id>`: that person's user-level key (an administrator, or the caller itself);
 * - an administrator: a tenant key (access or API);
 * - anyone else: their own user-level key (`userinfo().user_id`); the service caps it at 2.
 */
export async function decideOwner(conn: Connection, options: KeysAddOptions): Promise<KeyOwner> {
  if (options.user !== undefined) return userOwner(conn, options, options.user);
  if (await conn.isAdmin()) return { kind: 'tenant' };
  refuseAssignments(options, 'you are not a tenant administrator, so your key is a user-level key');
  if (options.type === 'API') {
    throw new PermissionError('only tenant administrators can create API keys', {
      hint: 'omit --type to create your own user-level access key',
    });
  }
  const me = await conn.userinfo();
  return { kind: 'user', userId: me.user_id, self: true };
}

async function userOwner(
  conn: Connection,
  options: KeysAddOptions,
  userId: string,
): Promise<KeyOwner> {
  if (!isUserIdShaped(userId)) {
    throw new UsageError(`--user takes a numeric user id, not ${quoteForMessage(userId)}`);
  }
  refuseAssignments(options, '--user creates a user-level key');
  if (options.type === 'API') {
    throw new UsageError(
      '--type api cannot be combined with --user: user-level keys are access keys',
    );
  }
  const me = await conn.userinfo();
  if (userId !== me.user_id && !(await conn.isAdmin())) {
    throw new PermissionError("only tenant administrators can create another user's key", {
      hint: 'omit --user to create your own user-level key',
    });
  }
  return { kind: 'user', userId, self: userId === me.user_id };
}
