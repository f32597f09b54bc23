import type { AccessKeyRecord } from '../../api/types.js';
import { PermissionError } from '../../core/errors.js';
import type { Connection } from '../connect.js';

/**
 * The keys the caller may see, one page at a time. Administrators (and auditors) read the
 * tenant-wide list; anyone else gets a 403 there and falls back to their own user-level keys,
 * so a plain user's `keys list` just works without a role check up front (one request fewer
 * for administrators, the common CI case).
 */
export async function* accessibleKeys(
  conn: Connection,
  options: { userId?: string | undefined } = {},
): AsyncGenerator<AccessKeyRecord> {
  if (options.userId !== undefined) {
    yield* conn.client.listUserKeys(options.userId);
    return;
  }
  let yielded = false;
  try {
    for await (const record of conn.client.listKeys()) {
      yielded = true;
      yield record;
    }
  } catch (error) {
    if (!(error instanceof PermissionError) || yielded) throw error;
    const me = await conn.userinfo();
    yield* conn.client.listUserKeys(me.user_id);
  }
}

export async function allAccessibleKeys(
  conn: Connection,
  options: { userId?: string | undefined } = {},
): Promise<AccessKeyRecord[]> {
  const out: AccessKeyRecord[] = [];
  for await (const record of accessibleKeys(conn, options)) out.push(record);
  return out;
}
