import type { Database, SqlValue } from '../store/sqlite.js';
import { orderClause, type Paging, type Sort } from './paging.js';
import type { UserRow } from './users.js';

export const USER_SORT: Readonly<Record<string, string>> = {
  user_id: 'user_id',
  login_id: 'login_id',
  full_name: 'full_name',
  email: 'email',
  user_type: 'user_type',
  created_date_time: 'created_at',
};

export interface UserFilter {
  tenantId: string;
  types?: ReadonlyArray<'PERSON' | 'API'> | undefined;
}

/** One page of a tenant's users (persons and key principals) and the total. */
export function listUsers(
  db: Database,
  filter: UserFilter,
  sort: Sort,
  paging: Paging,
): { rows: UserRow[]; total: number } {
  let clause = 'tenant_id = ?';
  const params: SqlValue[] = [filter.tenantId];
  if (filter.types && filter.types.length > 0) {
    clause += ` AND user_type IN (${filter.types.map(() => '?').join(', ')})`;
    params.push(...filter.types);
  }
  const rows = db
    .prepare(`SELECT * FROM users WHERE ${clause} ${orderClause(sort, 'user_id')} LIMIT ? OFFSET ?`)
    .all<UserRow>(...params, paging.size, paging.page * paging.size);
  const total =
    db.prepare(`SELECT COUNT(*) AS n FROM users WHERE ${clause}`).get<{ n: number }>(...params)
      ?.n ?? 0;
  return { rows, total };
}
