import type { Role } from '../../wire/types.js';
import type { Database } from '../store/sqlite.js';
import { orderClause, type Paging, type Sort } from './paging.js';

interface RoleRow {
  role_id: string;
  name: string;
  description: string | null;
}

export interface NewRole {
  roleId: string;
  tenantId: string;
  name: string;
  description?: string | undefined;
  permissions: readonly string[];
  now: number;
}

export function insertRole(db: Database, role: NewRole): void {
  db.prepare(
    'INSERT INTO roles (role_id, tenant_id, name, description, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(role.roleId, role.tenantId, role.name, role.description ?? null, role.now);
  const grant = db.prepare(
    'INSERT OR IGNORE INTO role_permissions (role_id, permission) VALUES (?, ?)',
  );
  for (const permission of role.permissions) grant.run(role.roleId, permission);
}

/** A role by id or, failing that, by name, within the tenant. */
export function findRole(db: Database, tenantId: string, ref: string): Role | undefined {
  const row = db
    .prepare('SELECT role_id, name, description FROM roles WHERE tenant_id = ? AND name = ?')
    .get<RoleRow>(tenantId, ref);
  return getRole(db, tenantId, ref) ?? (row ? withPermissions(db, [row])[0] : undefined);
}

export function getRole(db: Database, tenantId: string, roleId: string): Role | undefined {
  const row = db
    .prepare('SELECT role_id, name, description FROM roles WHERE tenant_id = ? AND role_id = ?')
    .get<RoleRow>(tenantId, roleId);
  return row ? withPermissions(db, [row])[0] : undefined;
}

export const ROLE_SORT = { name: 'name', role_id: 'role_id', created_date_time: 'created_at' };

export function listRoles(
  db: Database,
  tenantId: string,
  paging: Paging,
  sort: Sort,
): { records: Role[]; total: number } {
  const rows = db
    .prepare(
      `SELECT role_id, name, description FROM roles WHERE tenant_id = ?
       ${orderClause(sort, 'role_id')} LIMIT ? OFFSET ?`,
    )
    .all<RoleRow>(tenantId, paging.size, paging.page * paging.size);
  const total =
    db.prepare('SELECT COUNT(*) AS n FROM roles WHERE tenant_id = ?').get<{ n: number }>(tenantId)
      ?.n ?? 0;
  return { records: withPermissions(db, rows), total };
}

/** The ids in `ids` that are not roles of the tenant. */
export function missingRoleIds(db: Database, tenantId: string, ids: readonly string[]): string[] {
  const exists = db.prepare('SELECT 1 FROM roles WHERE tenant_id = ? AND role_id = ?');
  return ids.filter((id) => exists.get(tenantId, id) === undefined);
}

// One query for the permissions of every listed role (no query per role).
function withPermissions(db: Database, rows: RoleRow[]): Role[] {
  if (rows.length === 0) return [];
  const grants = db
    .prepare(
      `SELECT rp.role_id, rp.permission FROM role_permissions rp
       WHERE rp.role_id IN (SELECT value FROM json_each(?)) ORDER BY rp.permission`,
    )
    .all<{ role_id: string; permission: string }>(JSON.stringify(rows.map((r) => r.role_id)));
  return rows.map((row) => ({
    role_id: row.role_id,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    permissions: grants.filter((g) => g.role_id === row.role_id).map((g) => g.permission),
  }));
}
