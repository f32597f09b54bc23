import { formatWireTimestamp } from '../../core/timestamp.js';
import type { User } from '../../wire/types.js';
import type { Database } from '../store/sqlite.js';

export interface UserRow {
  user_id: string;
  tenant_id: string;
  login_id: string;
  full_name: string;
  email: string | null;
  user_type: 'PERSON' | 'API';
  user_status: 'ENABLE' | 'DISABLE';
  created_at: number;
}

export function insertUser(db: Database, row: UserRow): void {
  db.prepare(
    `INSERT INTO users (user_id, tenant_id, login_id, full_name, email, user_type, user_status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.user_id,
    row.tenant_id,
    row.login_id,
    row.full_name,
    row.email,
    row.user_type,
    row.user_status,
    row.created_at,
  );
}

/** Whether any row of users, groups or roles uses `id` (they share one 15-digit space). */
export function entityIdTaken(db: Database, id: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM users WHERE user_id = ? UNION ALL SELECT 1 FROM groups WHERE group_id = ?
         UNION ALL SELECT 1 FROM roles WHERE role_id = ? LIMIT 1`,
      )
      .get(id, id, id) !== undefined
  );
}

export function getUser(db: Database, tenantId: string, userId: string): UserRow | undefined {
  return db
    .prepare('SELECT * FROM users WHERE user_id = ? AND tenant_id = ?')
    .get<UserRow>(userId, tenantId);
}

export function getUserByLogin(
  db: Database,
  tenantId: string,
  loginId: string,
): UserRow | undefined {
  return db
    .prepare('SELECT * FROM users WHERE tenant_id = ? AND login_id = ?')
    .get<UserRow>(tenantId, loginId);
}

/** Keeps a key principal's user row in step with its key (login id = access key, name). */
export function syncPrincipal(db: Database, userId: string, loginId: string, name: string): void {
  db.prepare('UPDATE users SET login_id = ?, full_name = ? WHERE user_id = ?').run(
    loginId,
    name,
    userId,
  );
}

export function toUserRecord(row: UserRow): User {
  return {
    user_id: row.user_id,
    tenant_id: row.tenant_id,
    login_id: row.login_id,
    full_name: row.full_name,
    ...(row.email ? { email: row.email } : {}),
    user_type: row.user_type,
    user_status: row.user_status,
    created_date: formatWireTimestamp(new Date(row.created_at)),
  };
}
