import type { KeyRow } from '../repos/keys.js';

export const PERMISSION_ALL = '*';
export const PERMISSION_MANAGE = 'ims:access_keys:manage';
export const PERMISSION_READ = 'ims:access_keys:read';

/** Who is calling: the key behind the bearer token and what it may do. */
export interface Caller {
  readonly tenantId: string;
  /** The key that logged in. */
  readonly key: KeyRow;
  /** The access key named in the token (the old one while an API key is in grace). */
  readonly principalId: string;
  /** The acting user: the owner for a user-level key, else the key's own principal. */
  readonly userId: string;
  /** The person to record as owner of keys this caller creates. */
  readonly personId: string | null;
  readonly permissions: ReadonlySet<string>;
  /** `*` or `ims:access_keys:manage`. */
  readonly isAdmin: boolean;
  /** Administrators and holders of `ims:access_keys:read`: tenant-wide reads. */
  readonly canRead: boolean;
}

/** The user whose groups, roles and permissions a key uses: USER keys act as their owner. */
export function actingUserId(key: KeyRow): string {
  return key.type === 'USER' && key.owner_user_id ? key.owner_user_id : key.user_id;
}

export function makeCaller(key: KeyRow, principalId: string, permissions: Set<string>): Caller {
  const isAdmin = permissions.has(PERMISSION_ALL) || permissions.has(PERMISSION_MANAGE);
  return {
    tenantId: key.tenant_id,
    key,
    principalId,
    userId: actingUserId(key),
    personId: key.owner_user_id,
    permissions,
    isAdmin,
    canRead: isAdmin || permissions.has(PERMISSION_READ),
  };
}

/** Whether the caller owns `key` as a user-level key. */
export function ownsUserKey(caller: Caller, key: KeyRow): boolean {
  return key.type === 'USER' && key.owner_user_id === caller.userId;
}

/** Whether the caller may read `key` (else it is reported as not found). */
export function canSeeKey(caller: Caller, key: KeyRow): boolean {
  return key.tenant_id === caller.tenantId && (caller.canRead || ownsUserKey(caller, key));
}

/** Whether the caller may change or delete `key`. */
export function canChangeKey(caller: Caller, key: KeyRow): boolean {
  return key.tenant_id === caller.tenantId && (caller.isAdmin || ownsUserKey(caller, key));
}
