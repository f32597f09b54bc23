import { flag, ID15, ID15_TEXT, list, names, obj, opt, req, str } from './fields.js';
import {
  type Seed,
  SeedError,
  type SeedGroup,
  type SeedKey,
  type SeedRole,
  type SeedTenant,
  type SeedUser,
} from './types.js';

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

function parseRole(value: unknown, at: string): SeedRole {
  const o = obj(value, at);
  return {
    name: req(o, 'name', at),
    permissions: names(o, 'permissions', at),
    ...opt('role_id', str(o, 'role_id', at, ID15, ID15_TEXT)),
    ...opt('description', str(o, 'description', at)),
  };
}

function parseGroup(value: unknown, at: string): SeedGroup {
  const o = obj(value, at);
  return {
    name: req(o, 'name', at),
    roles: names(o, 'roles', at),
    ...opt('group_id', str(o, 'group_id', at, ID15, ID15_TEXT)),
    ...opt('description', str(o, 'description', at)),
  };
}

function parseUser(value: unknown, at: string): SeedUser {
  const o = obj(value, at);
  return {
    login_id: req(o, 'login_id', at),
    groups: names(o, 'groups', at),
    roles: names(o, 'roles', at),
    ...opt('user_id', str(o, 'user_id', at, ID15, ID15_TEXT)),
    ...opt('full_name', str(o, 'full_name', at)),
    ...opt('email', str(o, 'email', at)),
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
    roles: list(o.roles, `${at}.roles`).map((r, i) => parseRole(r, `${at}.roles[${i}]`)),
    groups: list(o.groups, `${at}.groups`).map((g, i) => parseGroup(g, `${at}.groups[${i}]`)),
    users: list(o.users, `${at}.users`).map((u, i) => parseUser(u, `${at}.users[${i}]`)),
    keys: list(o.keys, `${at}.keys`).map((k, i) => parseKey(k, `${at}.keys[${i}]`)),
  };
}

/** Checks the shape of a parsed seed file; references are resolved when it is applied. */
export function parseSeed(value: unknown): Seed {
  const tenants = list(obj(value, 'the document').tenants, 'tenants');
  if (tenants.length === 0) throw new SeedError('seed: tenants must list at least one tenant');
  return { tenants: tenants.map((t, i) => parseTenant(t, `tenants[${i}]`)) };
}
