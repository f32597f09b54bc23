import { formatWireSeconds, formatWireTimestamp } from '../../core/timestamp.js';
import type { AccessKeyRecord, Rotation } from '../../wire/types.js';
import type { SqlValue } from '../store/sqlite.js';
import { isExpired, type KeyRow, ROTATION_COLUMNS } from './keys.js';

const wire = (ms: number) => formatWireTimestamp(new Date(ms));

/** The columns the read model needs: lists select only these (no secret hashes). */
export const RECORD_COLUMNS = [
  'user_id',
  'name',
  'type',
  'access_key',
  'status',
  'non_deletable',
  'created_at',
  'expiry_enum',
  'expiry_at',
  'description',
  'last_access_at',
  'owner_user_id',
  ...ROTATION_COLUMNS,
  'old_valid_until',
] as const satisfies ReadonlyArray<keyof KeyRow>;

export type KeyRecordRow = Pick<KeyRow, (typeof RECORD_COLUMNS)[number]>;

/** A row selected as `RECORD_COLUMNS`, in that order, as values (see Database.prepareValues). */
export function recordRowOf(values: readonly SqlValue[]): KeyRecordRow {
  const row: Record<string, SqlValue | undefined> = {};
  for (let i = 0; i < RECORD_COLUMNS.length; i += 1) row[RECORD_COLUMNS[i] as string] = values[i];
  return row as unknown as KeyRecordRow;
}

/** The AccessKey read model of a row at `now` (`key_expired` is computed, never stored). */
export function toKeyRecord(row: KeyRecordRow, now: number): AccessKeyRecord {
  const record: AccessKeyRecord = {
    user_id: row.user_id,
    name: row.name,
    type: row.type,
    access_key: row.access_key,
    status: row.status,
    non_deletable: row.non_deletable === 1,
    created_date: wire(row.created_at),
    expiry_enum: row.expiry_enum,
    key_expired: isExpired(row, now),
  };
  if (row.description) record.description = row.description;
  if (row.expiry_at !== null) record.expiry_time = formatWireSeconds(new Date(row.expiry_at));
  if (row.last_access_at !== null) record.last_access = wire(row.last_access_at);
  if (row.type === 'API') record.rotation = toRotation(row, now);
  if (row.owner_user_id) record.owner_user_id = row.owner_user_id;
  return record;
}

function toRotation(row: KeyRecordRow, now: number): Rotation {
  const rotation: Rotation = {
    never_rotate: row.never_rotate === 1,
    rotation_period: row.rotation_period ?? 30,
    grace_period: row.grace_period ?? 15,
  };
  if (row.last_rotation_at !== null) rotation.last_rotation_date = wire(row.last_rotation_at);
  if (row.next_rotation_at !== null && row.never_rotate !== 1) {
    rotation.next_rotation_date = wire(row.next_rotation_at);
  }
  if (inGrace(row, now) && row.old_access_key) rotation.old_rotation_key = row.old_access_key;
  return rotation;
}

/**
 * When the record of `row`, built at `now`, next changes by the passage of time alone
 * (`key_expired` turning true, an old rotation key leaving its grace), or Infinity.
 */
export function recordStableUntil(row: KeyRecordRow, now: number): number {
  let until = Number.POSITIVE_INFINITY;
  if (row.expiry_at !== null && row.expiry_at >= now) until = row.expiry_at + 1;
  if (row.old_valid_until !== null && row.old_valid_until > now)
    until = Math.min(until, row.old_valid_until);
  return until;
}

/** Whether the previous access key of a rotated API key still logs in at `now`. */
export function inGrace(
  row: Pick<KeyRow, 'old_access_key' | 'old_valid_until'>,
  now: number,
): boolean {
  return row.old_access_key !== null && row.old_valid_until !== null && now < row.old_valid_until;
}
