import type { Group } from '../../wire/types.js';
import type { Database } from '../store/sqlite.js';
import { orderClause, type Paging, type Sort } from './paging.js';

interface GroupRow {
  group_id: string;
  name: string;
  description: string | null;
}

export interface NewGroup {
  groupId: string;
  tenantId: string;
  name: string;
  description?: string | undefined;
  roleIds: readonly string[];
  now: number;
}

export function insertGroup(db: Database, group: NewGroup): void {
  db.prepare(
    'INSERT INTO groups (group_id, tenant_id, name, description, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(group.groupId, group.tenantId, group.name, group.description ?? null, group.now);
  const link = db.prepare('INSERT OR IGNORE INTO group_roles (group_id, role_id) VALUES (?, ?)');
  for (const roleId of group.roleIds) link.run(group.groupId, roleId);
}

export function groupNameTaken(db: Database, tenantId: string, name: string): boolean {
  return (
    db.prepare('SELECT 1 FROM groups WHERE tenant_id = ? AND name = ?').get(tenantId, name) !==
    undefined
  );
}

export function getGroup(db: Database, tenantId: string, groupId: string): Group | undefined {
  const row = db
    .prepare('SELECT group_id, name, description FROM groups WHERE tenant_id = ? AND group_id = ?')
    .get<GroupRow>(tenantId, groupId);
  return row ? withRoles(db, [row])[0] : undefined;
}

/** A group by id or, failing that, by name, within the tenant. */
export function findGroup(db: Database, tenantId: string, ref: string): Group | undefined {
  const row = db
    .prepare('SELECT group_id, name, description FROM groups WHERE tenant_id = ? AND name = ?')
    .get<GroupRow>(tenantId, ref);
  return getGroup(db, tenantId, ref) ?? (row ? withRoles(db, [row])[0] : undefined);
}

export const GROUP_SORT = { name: 'name', group_id: 'group_id', created_date_time: 'created_at' };

export function listGroups(
  db: Database,
  tenantId: string,
  paging: Paging,
  sort: Sort,
): { records: Group[]; total: number } {
  const rows = db
    .prepare(
      `SELECT group_id, name, description FROM groups WHERE tenant_id = ?
       ${orderClause(sort, 'group_id')} LIMIT ? OFFSET ?`,
    )
    .all<GroupRow>(tenantId, paging.size, paging.page * paging.size);
  const total =
    db.prepare('SELECT COUNT(*) AS n FROM groups WHERE tenant_id = ?').get<{ n: number }>(tenantId)
      ?.n ?? 0;
  return { records: withRoles(db, rows), total };
}

/** The ids in `ids` that are not groups of the tenant. */
export function missingGroupIds(db: Database, tenantId: string, ids: readonly string[]): string[] {
  const exists = db.prepare('SELECT 1 FROM groups WHERE tenant_id = ? AND group_id = ?');
  return ids.filter((id) => exists.get(tenantId, id) === undefined);
}

// One query for the roles of every listed group (no query per group).
function withRoles(db: Database, rows: GroupRow[]): Group[] {
  if (rows.length === 0) return [];
  const links = db
    .prepare(
      `SELECT group_id, role_id FROM group_roles
       WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY role_id`,
    )
    .all<{ group_id: string; role_id: string }>(JSON.stringify(rows.map((r) => r.group_id)));
  return rows.map((row) => ({
    group_id: row.group_id,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    role_ids: links.filter((l) => l.group_id === row.group_id).map((l) => l.role_id),
  }));
}
