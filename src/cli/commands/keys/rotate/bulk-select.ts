import { lifecycleOf } from '../../../../core/key-lifecycle.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { allAccessibleKeys } from '../../../runtime/key-source.js';
import { keyFilter } from '../shared/filter-predicate.js';
import { secretFileNames } from './bulk-file-names.js';
import type { BulkTarget } from './bulk-types.js';
import type { KeysRotateOptions } from './options.js';

export interface BulkSelection {
  /** In listing order, except that the caller's own key (if chosen) comes last. */
  rotate: BulkTarget[];
  skipped: BulkTarget[];
}

/**
 * The keys `rotate --all` acts on: one listing (every page), filtered on our side like
 * `keys list`. The records are reused for the rotations, so no key costs a GET. Keys named
 * `<tenant id>@…` belong to BMC Helix Operations Management and are never rotated, nor are
 * retiring and pending keys of a hand-over (README "Key lifecycle"): they are reported as
 * skipped, not failed. The caller's own key goes last, so that the session the
 * run depends on stays valid for every other rotation.
 */
export async function selectTargets(
  conn: Connection,
  options: KeysRotateOptions,
  now: Date,
): Promise<BulkSelection> {
  const listed = await allAccessibleKeys(conn, { userId: options.user });
  const chosen = listed.filter(keyFilter(options, now));
  const files = secretFileNames(listed);
  const tenantId = conn.credential.tenantId || (await conn.userinfo()).tenant_id;
  const own = conn.credential.accessKey;
  const rotate: BulkTarget[] = [];
  const skipped: BulkTarget[] = [];
  for (const record of ownKeyLast(chosen, own)) {
    const target: BulkTarget = { record, fileName: files.get(record.access_key) ?? '' };
    const state = lifecycleOf(record).state;
    if (record.name.startsWith(`${tenantId}@`)) {
      target.skipReason = `managed by BMC Helix Operations Management (name starts with "${tenantId}@")`;
      skipped.push(target);
    } else if (state !== 'live') {
      // Rotating a retiring key would end its grace at once; a pending one is mid hand-over.
      target.skipReason =
        state === 'retiring'
          ? 'retiring after a grace rotation'
          : 'pending successor of a hand-over';
      skipped.push(target);
    } else rotate.push(target);
  }
  return { rotate, skipped };
}

function ownKeyLast(records: AccessKeyRecord[], own: string): AccessKeyRecord[] {
  const index = records.findIndex((r) => r.access_key === own);
  if (index < 0) return records;
  return [
    ...records.slice(0, index),
    ...records.slice(index + 1),
    records[index] as AccessKeyRecord,
  ];
}
