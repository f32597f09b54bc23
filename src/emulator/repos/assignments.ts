import type { KeyGroupRef, KeyRoleRef, PermissionsResponse } from '../../wire/types.js';
import type { Database } from '../store/sqlite.js';

/** Groups a user (person or key principal) belongs to, by name. */
export function groupsOf(db: Database, userId: string): KeyGroupRef[] {
  return db
    .prepare(
      `SELECT g.group_id, g.name FROM user_groups ug JOIN groups g ON g.group_id = ug.group_id
       WHERE ug.user_id = ? ORDER BY g.name, g.group_id`,
    )
    .all<KeyGroupRef>(userId);
}

/** Roles held directly by a user (not through a group), by name. */
export function rolesOf(db: Database, userId: string): KeyRoleRef[] {
  return db
    .prepare(
      `SELECT r.role_id, r.name FROM user_roles ur JOIN roles r ON r.role_id = ur.role_id
       WHERE ur.user_id = ? ORDER BY r.name, r.role_id`,
    )
    .all<KeyRoleRef>(userId);
}

/** Replaces a user's groups; returns whether the set changed. */
export function replaceGroups(db: Database, userId: string, groupIds: readonly string[]): boolean {
  const before = groupsOf(db, userId).map((g) => g.group_id);
  db.prepare('DELETE FROM user_groups WHERE user_id = ?').run(userId);
  addGroups(db, userId, groupIds);
  return !sameSet(before, groupIds);
}

/** Replaces a user's direct roles; returns whether the set changed. */
export function replaceRoles(db: Database, userId: string, roleIds: readonly string[]): boolean {
  const before = rolesOf(db, userId).map((r) => r.role_id);
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
  addRoles(db, userId, roleIds);
  return !sameSet(before, roleIds);
}

export function addGroups(db: Database, userId: string, groupIds: readonly string[]): void {
  const add = db.prepare('INSERT OR IGNORE INTO user_groups (user_id, group_id) VALUES (?, ?)');
  for (const id of groupIds) add.run(userId, id);
}

export function addRoles(db: Database, userId: string, roleIds: readonly string[]): void {
  const add = db.prepare('INSERT OR IGNORE INTO user_roles (user_id, role_id) VALUES (?, ?)');
  for (const id of roleIds) add.run(userId, id);
}

type Source = { permission: string; via: 'role' | 'group'; name: string };

// One statement for both paths: roles held directly, and roles carried by the user's groups.
const SOURCES_SQL = `
  SELECT rp.permission, 'role' AS via, r.name AS name
  FROM user_roles ur JOIN roles r ON r.role_id = ur.role_id
  JOIN role_permissions rp ON rp.role_id = r.role_id WHERE ur.user_id = ?
  UNION
  SELECT rp.permission, 'group' AS via, g.name AS name
  FROM user_groups ug JOIN groups g ON g.group_id = ug.group_id
  JOIN group_roles gr ON gr.group_id = g.group_id
  JOIN role_permissions rp ON rp.role_id = gr.role_id WHERE ug.user_id = ?
  ORDER BY 1, 2, 3`;

/** The union of permissions from a user's roles and groups, with where each comes from. */
export function effectivePermissions(db: Database, userId: string): Required<PermissionsResponse> {
  const sources = db.prepare(SOURCES_SQL).all<Source>(userId, userId);
  return { permissions: [...new Set(sources.map((s) => s.permission))], sources };
}

/** Just the permission set: what every authenticated request needs, in one indexed query. */
export function permissionSet(db: Database, userId: string): Set<string> {
  const rows = db
    .prepare(
      `SELECT rp.permission FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id
       WHERE ur.user_id = ?
       UNION
       SELECT rp.permission FROM user_groups ug JOIN group_roles gr ON gr.group_id = ug.group_id
       JOIN role_permissions rp ON rp.role_id = gr.role_id WHERE ug.user_id = ?`,
    )
    .all<{ permission: string }>(userId, userId);
  return new Set(rows.map((r) => r.permission));
}

/** Names of the roles in effect for a user, held directly or through a group. */
export function effectiveRoleNames(db: Database, userId: string): string[] {
  return db
    .prepare(
      `SELECT r.name FROM user_roles ur JOIN roles r ON r.role_id = ur.role_id WHERE ur.user_id = ?
       UNION
       SELECT r.name FROM user_groups ug JOIN group_roles gr ON gr.group_id = ug.group_id
       JOIN roles r ON r.role_id = gr.role_id WHERE ug.user_id = ?
       ORDER BY 1`,
    )
    .all<{ name: string }>(userId, userId)
    .map((r) => r.name);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}
