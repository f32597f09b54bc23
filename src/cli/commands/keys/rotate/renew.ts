import type { Expiry } from '../../../../core/expiry.js';
import { renewedExpiry } from '../../../../core/key-lifecycle.js';
import { parseWireTimestamp } from '../../../../core/timestamp.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { utcText } from '../shared/utc-text.js';

/**
 * Rotation renews (README "Key lifecycle"): the key holding the new secret gets `--expires`,
 * or its original validity period again from now. Returns the updated record and the echo
 * (`expires 2027-01-06T23:59:59Z (its original validity period again, from now)`), or
 * undefined when the record's times cannot be read (then the expiry is left as it is).
 */
export async function renewExpiry(
  conn: Connection,
  accessKey: string,
  original: AccessKeyRecord,
  now: Date,
  chosen?: Expiry,
): Promise<{ record: AccessKeyRecord; text: string } | undefined> {
  const renewed =
    chosen === undefined
      ? renewedExpiry(original, now)
      : { request: chosen.request, at: chosen.kind === 'never' ? null : chosen.at };
  if (renewed === undefined) return undefined;
  const note =
    chosen === undefined
      ? 'its original validity period again, from now'
      : chosen.kind === 'at'
        ? chosen.note
        : undefined;
  const record = await conn.client.updateKey(accessKey, renewed.request);
  const stored = record.expiry_time ? parseWireTimestamp(record.expiry_time) : undefined;
  const at = stored ?? renewed.at;
  const when = at ? utcText(at) : undefined;
  const text =
    when === undefined ? 'it never expires' : `it expires ${when}${note ? ` (${note})` : ''}`;
  return { record, text };
}
