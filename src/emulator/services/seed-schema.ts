import { UsageError } from '../../core/errors.js';

/** A seed file that cannot be applied; the message names the offending field. */
export class SeedError extends UsageError {}

export interface SeedRole {
  role_id?: string;
  name: string;
  description?: string;
  permissions: string[];
}
export interface SeedGroup {
  group_id?: string;
  name: string;
  description?: string;
  roles: string[];
}
export interface SeedUser {
  user_id?: string;
  login_id: string;
  full_name?: string;
  email?: string;
  groups: string[];
  roles: string[];
}
export interface SeedKey {
  name: string;
  type: 'TENANT' | 'API' | 'USER';
  access_key?: string;
  secret?: string;
  user_id?: string;
  description?: string;
  status: 'ACTIVE' | 'INACTIVE';
  expiry_enum?: string;
  expiry_time?: string | null;
  non_deletable: boolean;
  owner?: string;
  groups: string[];
  roles: string[];
  rotation?: { never_rotate?: boolean; rotation_period?: number; grace_period?: number };
  created_date?: string;
  last_access?: string;
}
export interface SeedTenant {
  tenant_id?: string;
  name: string;
  domain_name?: string;
  onboarding_key: boolean;
  roles: SeedRole[];
  groups: SeedGroup[];
  users: SeedUser[];
  keys: SeedKey[];
}
export interface Seed {
  tenants: SeedTenant[];
}

type Obj = Record<string, unknown>;

function obj(value: unknown, at: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new SeedError(`seed: ${at} must be an object`);
  return value as Obj;
}

function list(value: unknown, at: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SeedError(`seed: ${at} must be an array`);
  return value;
}

function str(
  o: Obj,
  field: string,
  at: string,
  pattern?: RegExp,
  what?: string,
): string | undefined {
  const value = o[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw new SeedError(`seed: ${at}.${field} must be a non-empty string`);
  if (pattern && !pattern.test(value)) throw new SeedError(`seed: ${at}.${field} must be ${what}`);
  return value;
}

function req(o: Obj, field: string, at: string): string {
  const value = str(o, field, at);
  if (value === undefined) throw new SeedError(`seed: ${at}.${field} is required`);
  return value;
}

function names(o: Obj, field: string, at: string): string[] {
  return list(o[field], `${at}.${field}`).map((v, i) => {
    if (typeof v !== 'string' || v === '')
      throw new SeedError(`seed: ${at}.${field}[${i}] must be a name or id`);
    return v;
  });
}

function flag(o: Obj, field: string, at: string, fallback: boolean): boolean {
  const value = o[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new SeedError(`seed: ${at}.${field} must be true or false`);
  return value;
}

const ID15 = /^[1-9]\d{14}$/;
const ID15_TEXT = 'a 15-digit id';
const opt = <K extends string, V>(key: K, value: V | undefined) =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

function parseKey(value: unknown, at: string): SeedKey {
  const o = obj(value, at);
  const type = o.type ?? 'TENANT';
  if (type !== 'TENANT' && type !== 'API' && type !== 'USER')
    throw new SeedError(`seed: ${at}.type must be TENANT, API or USER`);
  const status = o.status ?? 'ACTIVE';
  if (status !== 'ACTIVE' && status !== 'INACTIVE')
    throw new SeedError(`seed: ${at}.status must be ACTIVE or INACTIVE`);
  if (o.expiry_time !== undefined && o.expiry_time !== null) str(o, 'expiry_time', at);
  if (o.rotation !== undefined) obj(o.rotation, `${at}.rotation`);
  return {
    name: req(o, 'name', at),
    type,
    status,
    non_deletable: flag(o, 'non_deletable', at, false),
    groups: names(o, 'groups', at),
    roles: names(o, 'roles', at),
    ...opt(
      'access_key',
      str(o, 'access_key', at, /^(?=.*[A-Z])[A-Z0-9]{30}$/, '30 characters [A-Z0-9] with a letter'),
    ),
    ...opt('secret', str(o, 'secret', at, /^[A-Za-z0-9]{50}$/, '50 characters [A-Za-z0-9]')),
    ...opt('user_id', str(o, 'user_id', at, ID15, ID15_TEXT)),
    ...opt('description', str(o, 'description', at)),
    ...opt('expiry_enum', str(o, 'expiry_enum', at)),
    ...opt('expiry_time', o.expiry_time as string | null | undefined),
    ...opt('owner', str(o, 'owner', at)),
    ...opt('rotation', o.rotation as SeedKey['rotation']),
    ...opt('created_date', str(o, 'created_date', at)),
    ...opt('last_access', str(o, 'last_access', at)),
  };
}

function parseTenant(value: unknown, at: string): SeedTenant {
  const o = obj(value, at);
  return {
    name: req(o, 'name', at),
    onboarding_key: flag(o, 'onboarding_key', at, true),
    ...opt(
      'tenant_id',
      str(o, 'tenant_id', at, /^[1-9]\d{4,18}$/, 'a numeric id of 5 to 19 digits'),
    ),
    ...opt('domain_name', str(o, 'domain_name', at)),
    roles: list(o.roles, `${at}.roles`).map((r, i) => {
      const ro = obj(r, `${at}.roles[${i}]`);
      const where = `${at}.roles[${i}]`;
      return {
        name: req(ro, 'name', where),
        permissions: names(ro, 'permissions', where),
        ...opt('role_id', str(ro, 'role_id', where, ID15, ID15_TEXT)),
        ...opt('description', str(ro, 'description', where)),
      };
    }),
    groups: list(o.groups, `${at}.groups`).map((g, i) => {
      const go = obj(g, `${at}.groups[${i}]`);
      const where = `${at}.groups[${i}]`;
      return {
        name: req(go, 'name', where),
        roles: names(go, 'roles', where),
        ...opt('group_id', str(go, 'group_id', where, ID15, ID15_TEXT)),
        ...opt('description', str(go, 'description', where)),
      };
    }),
    users: list(o.users, `${at}.users`).map((u, i) => {
      const uo = obj(u, `${at}.users[${i}]`);
      const where = `${at}.users[${i}]`;
      return {
        login_id: req(uo, 'login_id', where),
        groups: names(uo, 'groups', where),
        roles: names(uo, 'roles', where),
        ...opt('user_id', str(uo, 'user_id', where, ID15, ID15_TEXT)),
        ...opt('full_name', str(uo, 'full_name', where)),
        ...opt('email', str(uo, 'email', where)),
      };
    }),
    keys: list(o.keys, `${at}.keys`).map((k, i) => parseKey(k, `${at}.keys[${i}]`)),
  };
}

/** Checks the shape of a parsed seed file; references are resolved when it is applied. */
export function parseSeed(value: unknown): Seed {
  const tenants = list(obj(value, 'the document').tenants, 'tenants');
  if (tenants.length === 0) throw new SeedError('seed: tenants must list at least one tenant');
  return { tenants: tenants.map((t, i) => parseTenant(t, `tenants[${i}]`)) };
}
