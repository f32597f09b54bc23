import { NotFoundError, PermissionError } from '../../../../core/errors.js';
import type {
  AccessKeyRecord,
  KeyGroupRef,
  KeyRoleRef,
  PermissionsResponse,
  User,
} from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';

/** Where one permission comes from; `via` and `name` are null when the service does not say. */
export interface PermissionSource {
  permission: string;
  via: 'role' | 'group' | null;
  name: string | null;
}

/** Everything `keys show` prints about one key. */
export interface KeyDetails {
  record: AccessKeyRecord;
  groups: KeyGroupRef[];
  roles: KeyRoleRef[];
  permissions: string[];
  sources: PermissionSource[];
  /** The owning person, when the key names one; only the id when it cannot be read. */
  owner?: Pick<User, 'user_id'> & Partial<Pick<User, 'login_id' | 'full_name'>>;
}

/** One row per (permission, source); a permission the service gives no source for gets one row. */
export function permissionSources(response: PermissionsResponse): PermissionSource[] {
  const given = response.sources ?? [];
  const rows: PermissionSource[] = given.map((s) => ({ ...s }));
  for (const permission of response.permissions) {
    if (!given.some((s) => s.permission === permission))
      rows.push({ permission, via: null, name: null });
  }
  return rows;
}

/** Groups, roles, permissions and owner of a resolved key, fetched in parallel. */
export async function fetchKeyDetails(
  conn: Connection,
  record: AccessKeyRecord,
): Promise<KeyDetails> {
  const key = record.access_key;
  const [groups, roles, permissions, owner] = await Promise.all([
    conn.client.getKeyGroups(key),
    conn.client.getKeyRoles(key),
    conn.client.getKeyPermissions(key),
    ownerOf(conn, record.owner_user_id),
  ]);
  return {
    record,
    groups,
    roles,
    permissions: permissions.permissions,
    sources: permissionSources(permissions),
    ...(owner ? { owner } : {}),
  };
}

/** The owner's name is a nicety: a caller who may not read users still sees the key. */
async function ownerOf(conn: Connection, userId: string | undefined) {
  if (userId === undefined) return undefined;
  try {
    const user = await conn.client.getUser(userId);
    return { user_id: user.user_id, login_id: user.login_id, full_name: user.full_name };
  } catch (error) {
    if (error instanceof PermissionError || error instanceof NotFoundError) {
      return { user_id: userId };
    }
    throw error;
  }
}
