import { newEntityId } from '../../crypto/random.js';
import { ApiError } from '../../model/api-error.js';
import { addGroups, addRoles } from '../../repos/assignments.js';
import { insertGroup } from '../../repos/groups.js';
import { insertRole } from '../../repos/roles.js';
import { entityIdTaken, insertUser } from '../../repos/users.js';
import type { Database } from '../../store/sqlite.js';
import { insertOnboardingKey } from '../bootstrap.js';
import { createTenant } from '../tenant-setup.js';
import { applyKey, resolve } from './apply-key.js';
import { type Seed, SeedError, type SeedTenant } from './types.js';

function applyTenant(db: Database, tenant: SeedTenant, now: number, at: string): string {
  const names = createTenant(db, {
    tenantId: tenant.tenant_id,
    name: tenant.name,
    domainName: tenant.domain_name,
    now,
  });
  const newId = () => newEntityId((id) => entityIdTaken(db, id));
  tenant.roles.forEach((role) => {
    const roleId = role.role_id ?? newId();
    insertRole(db, {
      roleId,
      tenantId: names.tenantId,
      name: role.name,
      description: role.description,
      permissions: role.permissions,
      now,
    });
    names.roles.set(role.name, roleId);
  });
  tenant.groups.forEach((group, i) => {
    const groupId = group.group_id ?? newId();
    const roleIds = group.roles.map((r, j) =>
      resolve(names.roles, r, 'role', `${at}.groups[${i}].roles[${j}]`),
    );
    insertGroup(db, {
      groupId,
      tenantId: names.tenantId,
      name: group.name,
      description: group.description,
      roleIds,
      now,
    });
    names.groups.set(group.name, groupId);
  });
  tenant.users.forEach((user, i) => {
    const userId = user.user_id ?? newId();
    insertUser(db, {
      user_id: userId,
      tenant_id: names.tenantId,
      login_id: user.login_id,
      full_name: user.full_name ?? user.login_id,
      email: user.email ?? null,
      user_type: 'PERSON',
      user_status: 'ENABLE',
      created_at: now,
    });
    addGroups(
      db,
      userId,
      user.groups.map((g, j) =>
        resolve(names.groups, g, 'group', `${at}.users[${i}].groups[${j}]`),
      ),
    );
    addRoles(
      db,
      userId,
      user.roles.map((r, j) => resolve(names.roles, r, 'role', `${at}.users[${i}].roles[${j}]`)),
    );
  });
  const userKeys = new Map<string, number>();
  tenant.keys.forEach((key, i) => {
    applyKey(db, names, key, now, `${at}.keys[${i}]`, userKeys);
  });
  if (tenant.onboarding_key) insertOnboardingKey(db, names, now);
  return names.tenantId;
}

/** Applies a validated seed in one transaction (all of it or nothing); returns the tenant ids. */
export function applySeed(db: Database, seed: Seed, now: number): string[] {
  try {
    return db.transaction(() =>
      seed.tenants.map((t, i) => applyTenant(db, t, now, `tenants[${i}]`)),
    );
  } catch (error) {
    if (error instanceof SeedError) throw error;
    if (error instanceof ApiError) throw new SeedError(`seed: ${error.message}`);
    const text = error instanceof Error ? error.message : String(error);
    throw new SeedError(`seed: cannot be applied: ${text.split('\n')[0]}`);
  }
}
