import type { KeyStatus, KeyType } from '../../wire/types.js';
import type { Database } from '../store/sqlite.js';

/** An `access_keys` row. Booleans are 0/1, times epoch ms, as SQLite stores them. */
export interface KeyRow {
  user_id: string;
  tenant_id: string;
  access_key: string;
  name: string;
  description: string | null;
  type: KeyType;
  status: KeyStatus;
  non_deletable: number;
  expiry_enum: string;
  expiry_at: number | null;
  expiry_notice_sent: number;
  created_at: number;
  last_access_at: number | null;
  secret_hash: string;
  owner_user_id: string | null;
  never_rotate: number | null;
  rotation_period: number | null;
  grace_period: number | null;
  last_rotation_at: number | null;
  next_rotation_at: number | null;
  old_access_key: string | null;
  old_secret_hash: string | null;
  old_valid_until: number | null;
}

/** The rotation schedule and the replaced key's grace, in table order. */
export const ROTATION_COLUMNS = [
  'never_rotate',
  'rotation_period',
  'grace_period',
  'last_rotation_at',
  'next_rotation_at',
  'old_access_key',
] as const satisfies ReadonlyArray<keyof KeyRow>;

const COLUMNS: readonly (keyof KeyRow)[] = [
  'user_id',
  'tenant_id',
  'access_key',
  'name',
  'description',
  'type',
  'status',
  'non_deletable',
  'expiry_enum',
  'expiry_at',
  'expiry_notice_sent',
  'created_at',
  'last_access_at',
  'secret_hash',
  'owner_user_id',
  ...ROTATION_COLUMNS,
  'old_secret_hash',
  'old_valid_until',
];
const MUTABLE = COLUMNS.filter((c) => !['user_id', 'tenant_id', 'type', 'created_at'].includes(c));

const INSERT_SQL = `INSERT INTO access_keys (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;
const SAVE_SQL = `UPDATE access_keys SET ${MUTABLE.map((c) => `${c} = ?`).join(', ')} WHERE user_id = ?`;

export function insertKey(db: Database, row: KeyRow): void {
  db.prepare(INSERT_SQL).run(...COLUMNS.map((c) => row[c]));
}

/** Writes back every mutable column of `row` (one held statement for every kind of update). */
export function saveKey(db: Database, row: KeyRow): void {
  db.prepare(SAVE_SQL).run(...MUTABLE.map((c) => row[c]), row.user_id);
}

export function getKeyByUserId(db: Database, userId: string): KeyRow | undefined {
  return db.prepare('SELECT * FROM access_keys WHERE user_id = ?').get<KeyRow>(userId);
}

export function getKeyByAccessKey(db: Database, accessKey: string): KeyRow | undefined {
  return db.prepare('SELECT * FROM access_keys WHERE access_key = ?').get<KeyRow>(accessKey);
}

export function getKeyByOldAccessKey(db: Database, accessKey: string): KeyRow | undefined {
  return db.prepare('SELECT * FROM access_keys WHERE old_access_key = ?').get<KeyRow>(accessKey);
}

/**
 * A key of `tenantId` named by `ref`: all digits means its `user_id`, anything else its
 * access key (generated access keys always hold a letter). Another tenant's key is undefined.
 */
export function findKey(db: Database, tenantId: string, ref: string): KeyRow | undefined {
  const row = /^\d+$/.test(ref) ? getKeyByUserId(db, ref) : getKeyByAccessKey(db, ref);
  return row?.tenant_id === tenantId ? row : undefined;
}

/** User-level keys of a person, inactive ones included (the limit of 2 counts them all). */
export function countUserKeys(db: Database, ownerId: string): number {
  return (
    db
      .prepare("SELECT COUNT(*) AS n FROM access_keys WHERE owner_user_id = ? AND type = 'USER'")
      .get<{ n: number }>(ownerId)?.n ?? 0
  );
}

/** Deletes the key through its principal user: assignments and refresh tokens cascade. */
export function deleteKey(db: Database, userId: string): void {
  db.prepare('DELETE FROM users WHERE user_id = ?').run(userId);
}

export function touchLastAccess(db: Database, userId: string, now: number): void {
  db.prepare('UPDATE access_keys SET last_access_at = ? WHERE user_id = ?').run(now, userId);
}

/** Whether `now` is past the key's expiry. `status` is never changed by expiry. */
export function isExpired(row: Pick<KeyRow, 'expiry_at'>, now: number): boolean {
  return row.expiry_at !== null && now > row.expiry_at;
}
