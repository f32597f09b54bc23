import { NotFoundError } from '../../../../core/errors.js';
import { classifyKeyRef, resolveKeyRef } from '../../../../core/key-ref.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { allAccessibleKeys } from '../../../runtime/key-source.js';

/**
 * Turns a `<key>` argument into its record: an access key or a numeric user id is fetched
 * directly; anything else is a name that must match exactly one visible key (several is a
 * usage error listing the candidates, exit 2).
 */
export async function resolveKey(conn: Connection, ref: string): Promise<AccessKeyRecord> {
  const kind = classifyKeyRef(ref);
  if (kind === 'name') return resolveKeyRef(ref, await allAccessibleKeys(conn));
  try {
    return await conn.client.getKey(ref);
  } catch (error) {
    // A name made only of digits looks like a user id: try it as a name before giving up.
    if (error instanceof NotFoundError && kind === 'user_id') {
      return resolveKeyRef(ref, await allAccessibleKeys(conn));
    }
    if (error instanceof NotFoundError) {
      throw new NotFoundError(`no access key ${quoteForMessage(ref)}`, {
        hint: 'list the keys you can see with: helixctl keys list',
      });
    }
    throw error;
  }
}

/** Resolves several arguments, all before anything changes, so a typo changes nothing. */
export async function resolveKeys(
  conn: Connection,
  refs: readonly string[],
): Promise<AccessKeyRecord[]> {
  const names = refs.filter((ref) => classifyKeyRef(ref) === 'name');
  const visible = names.length > 0 ? await allAccessibleKeys(conn) : [];
  const out: AccessKeyRecord[] = [];
  for (const ref of refs) {
    out.push(
      classifyKeyRef(ref) === 'name' ? resolveKeyRef(ref, visible) : await resolveKey(conn, ref),
    );
  }
  return out;
}
