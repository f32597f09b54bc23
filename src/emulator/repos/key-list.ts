import type { KeyStatus, KeyType } from '../../wire/types.js';
import type { Database, SqlValue } from '../store/sqlite.js';
import { type KeyRecordRow, RECORD_COLUMNS, recordRowOf } from './key-record.js';
import { orderClause, type Paging, type Sort } from './paging.js';

const SELECT = `SELECT ${RECORD_COLUMNS.join(', ')} FROM access_keys`;

/** `orderBy` values (API name → SQL): the documented seven plus extensions. */
export const KEY_SORT: Readonly<Record<string, string>> = {
  user_id: 'user_id',
  name: 'name',
  description: 'description',
  access_key: 'access_key',
  status: 'status',
  expiry_enum: 'expiry_enum',
  created_date_time: 'created_at',
  // Extensions. Keys that never expire sort after every dated key.
  expiry_time: 'expiry_at IS NULL, expiry_at',
  type: 'type',
  last_access: 'last_access_at',
};

export interface KeyFilter {
  tenantId: string;
  types?: readonly KeyType[] | undefined;
  status?: KeyStatus | undefined;
  /** Not yet expired, and expiring within this many days. */
  expiringWithinDays?: number | undefined;
  expired?: boolean | undefined;
  name?: string | undefined;
  /** Only the user-level keys of this person. */
  ownerUserId?: string | undefined;
}

const DAY_MS = 86_400_000;

const TENANT_ONLY = 'tenant_id = ?';

function where(filter: KeyFilter, now: number): [string, SqlValue[]] {
  const clauses = [TENANT_ONLY];
  const params: SqlValue[] = [filter.tenantId];
  if (filter.types && filter.types.length > 0) {
    clauses.push(`type IN (${filter.types.map(() => '?').join(', ')})`);
    params.push(...filter.types);
  }
  if (filter.status) {
    clauses.push('status = ?');
    params.push(filter.status);
  }
  if (filter.expiringWithinDays !== undefined) {
    clauses.push('expiry_at >= ? AND expiry_at <= ?');
    params.push(now, now + filter.expiringWithinDays * DAY_MS);
  }
  if (filter.expired !== undefined) {
    clauses.push(filter.expired ? 'expiry_at < ?' : '(expiry_at IS NULL OR expiry_at >= ?)');
    params.push(now);
  }
  if (filter.name !== undefined) {
    clauses.push('name = ?');
    params.push(filter.name);
  }
  if (filter.ownerUserId !== undefined) {
    clauses.push("owner_user_id = ? AND type = 'USER'");
    params.push(filter.ownerUserId);
  }
  return [clauses.join(' AND '), params];
}

/**
 * One page of keys and the total, in at most two indexed queries (no query per record). The
 * SQL is assembled only from fixed fragments, and each distinct text is prepared once and held.
 * A page that is not full tells the total by itself; for a full one, an unfiltered list reads
 * the tenant's key count (kept by triggers), and only a filtered one counts its index range.
 */
export function listKeys(
  db: Database,
  filter: KeyFilter,
  sort: Sort,
  paging: Paging,
  now: number,
): { rows: KeyRecordRow[]; total: number } {
  const [clause, params] = where(filter, now);
  const offset = paging.page * paging.size;
  const rows = db
    .prepareValues(`${SELECT} WHERE ${clause} ${orderClause(sort, 'user_id')} LIMIT ? OFFSET ?`)
    .all(...params, paging.size, offset)
    .map(recordRowOf);
  if (rows.length > 0 && rows.length < paging.size) return { rows, total: offset + rows.length };
  if (rows.length === 0 && offset === 0) return { rows, total: 0 };
  if (clause === TENANT_ONLY) {
    const counted = db.prepare('SELECT n FROM key_counts WHERE tenant_id = ?');
    return { rows, total: counted.get<{ n: number }>(filter.tenantId)?.n ?? 0 };
  }
  const count = db.prepare(`SELECT COUNT(*) AS n FROM access_keys WHERE ${clause}`);
  return { rows, total: count.get<{ n: number }>(...params)?.n ?? 0 };
}
