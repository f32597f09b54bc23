import { EXPIRY_ENUM, type ExpiryEnum } from '../../api/types.js';
import { endOfUtcDay, parseWireTimestamp } from '../../core/timestamp.js';
import { newEntityId } from '../crypto/random.js';
import { ApiError } from '../http/api-error.js';
import { addGroups, addRoles } from '../repos/assignments.js';
import { insertGroup } from '../repos/groups.js';
import { insertRole } from '../repos/roles.js';
import { entityIdTaken, getUser, getUserByLogin, insertUser } from '../repos/users.js';
import type { Database } from '../store/sqlite.js';
import { insertOnboardingKey } from './bootstrap.js';
import type { ResolvedExpiry } from './expiry.js';
import { parseExpiryTime } from './expiry.js';
import { USER_KEY_LIMIT } from './key-create.js';
import { insertNewKey } from './key-factory.js';
import { resolveRotation } from './rotation.js';
import { type Seed, SeedError, type SeedKey, type SeedTenant } from './seed-schema.js';
import { createTenant, type TenantNames } from './tenant-setup.js';

const DAY_MS = 86_400_000;
const PRESETS: Readonly<Record<string, number>> = { '30 days': 30, '60 days': 60, '90 days': 90 };

function resolve(map: Map<string, string>, ref: string, kind: string, at: string): string {
  const byName = map.get(ref);
  if (byName !== undefined) return byName;
  if ([...map.values()].includes(ref)) return ref;
  throw new SeedError(`seed: ${at} names an unknown ${kind} "${ref}"`);
}

function time(text: string | undefined, fallback: number, at: string): number {
  if (text === undefined) return fallback;
  const parsed = parseWireTimestamp(text);
  if (!parsed) throw new SeedError(`seed: ${at} is not a timestamp`);
  return parsed.getTime();
}

function seedExpiry(key: SeedKey, created: number, at: string): ResolvedExpiry {
  const choice = key.expiry_enum ?? (key.expiry_time ? EXPIRY_ENUM.CUSTOM : EXPIRY_ENUM.NEVER);
  if (!(Object.values(EXPIRY_ENUM) as string[]).includes(choice))
    throw new SeedError(`seed: ${at}.expiry_enum is not a known value`);
  if (key.expiry_time) {
    const expiry = parseExpiryTime(key.expiry_time);
    if (expiry === undefined)
      throw new SeedError(`seed: ${at}.expiry_time is not a date or timestamp`);
    return { expiry_enum: choice as ExpiryEnum, expiry_at: expiry };
  }
  const days = PRESETS[choice];
  if (days !== undefined)
    return {
      expiry_enum: choice as ExpiryEnum,
      expiry_at: endOfUtcDay(new Date(created + days * DAY_MS)).getTime(),
    };
  if (choice === EXPIRY_ENUM.CUSTOM)
    throw new SeedError(`seed: ${at}.expiry_time is required with "Custom value"`);
  return { expiry_enum: EXPIRY_ENUM.NEVER, expiry_at: null };
}

function owner(db: Database, tenantId: string, key: SeedKey, at: string): string | null {
  if (key.owner === undefined) {
    if (key.type === 'USER') throw new SeedError(`seed: ${at}.owner is required for a USER key`);
    return null;
  }
  const person = getUserByLogin(db, tenantId, key.owner) ?? getUser(db, tenantId, key.owner);
  if (person?.user_type !== 'PERSON')
    throw new SeedError(`seed: ${at}.owner names an unknown user "${key.owner}"`);
  return person.user_id;
}

function applyKey(
  db: Database,
  names: TenantNames,
  key: SeedKey,
  now: number,
  at: string,
  userKeys: Map<string, number>,
): void {
  const ownerUserId = owner(db, names.tenantId, key, at);
  if (key.type === 'USER') {
    if (key.groups.length > 0 || key.roles.length > 0)
      throw new SeedError(`seed: ${at}: a USER key inherits its owner's groups and roles`);
    const count = (userKeys.get(ownerUserId ?? '') ?? 0) + 1;
    if (count > USER_KEY_LIMIT)
      throw new SeedError(
        `seed: ${at}: user "${key.owner}" would have more than ${USER_KEY_LIMIT} user keys`,
      );
    userKeys.set(ownerUserId ?? '', count);
  }
  if (key.rotation && key.type !== 'API')
    throw new SeedError(`seed: ${at}.rotation is allowed only for API keys`);
  const createdAt = time(key.created_date, now, `${at}.created_date`);
  insertNewKey(db, {
    tenantId: names.tenantId,
    name: key.name,
    description: key.description ?? null,
    type: key.type,
    status: key.status,
    nonDeletable: key.non_deletable,
    expiry: seedExpiry(key, createdAt, at),
    ownerUserId,
    rotation: key.type === 'API' ? resolveRotation(key.rotation ?? {}) : undefined,
    groupIds: key.groups.map((g, i) => resolve(names.groups, g, 'group', `${at}.groups[${i}]`)),
    roleIds: key.roles.map((r, i) => resolve(names.roles, r, 'role', `${at}.roles[${i}]`)),
    createdAt,
    userId: key.user_id,
    accessKey: key.access_key,
    secret: key.secret,
    lastAccessAt:
      key.last_access === undefined ? null : time(key.last_access, now, `${at}.last_access`),
  });
}

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
