import { PermissionError } from '../../core/errors.js';
import type { AccessKeyRecord, ListQuery } from '../../wire/types.js';
import type { Connection } from './connection.js';

export interface KeySourceOptions {
  /** Only this person's user-level keys (`/users/{id}/access_keys`). */
  userId?: string | undefined;
  /**
   * Passed to the list endpoint on every page (`orderBy`, `sortOrder`, `userTypes`, `size`);
   * `page` is managed by the pager.
   */
  query?: Omit<ListQuery, 'page'> | undefined;
}

/**
 * The keys the caller may see, one page at a time. Administrators (and auditors) read the
 * tenant-wide list; anyone else gets a 403 there and falls back to their own user-level keys,
 * so a plain user's `keys list` just works without a role check up front (one request fewer
 * for administrators, the common CI case). Pages are fetched as the iteration goes: a consumer
 * that stops early (`--limit`) stops the fetching too.
 */
export async function* accessibleKeys(
  conn: Connection,
  options: KeySourceOptions = {},
): AsyncGenerator<AccessKeyRecord> {
  const query = options.query ?? {};
  if (options.userId !== undefined) {
    yield* conn.client.listUserKeys(options.userId, query);
    return;
  }
  let yielded = false;
  try {
    for await (const record of conn.client.listKeys(query)) {
      yielded = true;
      yield record;
    }
  } catch (error) {
    if (!(error instanceof PermissionError) || yielded) throw error;
    const me = await conn.userinfo();
    yield* conn.client.listUserKeys(me.user_id, query);
  }
}

export async function allAccessibleKeys(
  conn: Connection,
  options: KeySourceOptions = {},
): Promise<AccessKeyRecord[]> {
  const out: AccessKeyRecord[] = [];
  for await (const record of accessibleKeys(conn, options)) out.push(record);
  return out;
}
