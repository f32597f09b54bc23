import type { Credential } from '../../core/credential.js';
import { EXPIRY_ENUM } from '../../wire/types.js';
import { firstTenant } from '../repos/tenants.js';
import { getUserByLogin } from '../repos/users.js';
import type { Database } from '../store/sqlite.js';
import { insertNewKey } from './key-factory.js';
import { ADMINISTRATORS_GROUP } from './tenant-setup.js';

/** The administrator person the bootstrap creates (services/bootstrap.ts). */
const ADMIN_LOGIN = 'admin';

/** Notes that `tenantId`'s administrator credential exists only as a hash so far. */
export function markAdminPending(db: Database, tenantId: string, now: number): void {
  db.prepare(
    'INSERT OR REPLACE INTO admin_credential_pending (tenant_id, created_at) VALUES (?, ?)',
  ).run(tenantId, now);
}

/** True when an administrator credential was created but never shown or stored. */
export function adminPending(db: Database): boolean {
  return db.prepare('SELECT 1 AS x FROM admin_credential_pending LIMIT 1').get() !== undefined;
}

/** Called once the credential reached its reader (stdout written, or the profile saved). */
export function clearAdminPending(db: Database): void {
  db.prepare('DELETE FROM admin_credential_pending').run();
}

/**
 * A fresh administrator TENANT key in the first tenant (the one the bootstrap made), owned by
 * its administrator person and in its Administrators group; no other key is touched. Its name
 * carries the time so that it never shares a name with a live key. Undefined when the
 * database has no tenant with an administrator person (a seeded one: the seed holds its own).
 */
export function issueAdminKey(db: Database, now: number): Credential | undefined {
  return db.transaction(() => {
    const tenant = firstTenant(db);
    if (tenant === undefined) return undefined;
    const admin = getUserByLogin(db, tenant.tenant_id, ADMIN_LOGIN);
    const group = db
      .prepare('SELECT group_id FROM groups WHERE tenant_id = ? AND name = ?')
      .get<{ group_id: string }>(tenant.tenant_id, ADMINISTRATORS_GROUP);
    if (admin === undefined || group === undefined) return undefined;
    const stamp = new Date(now)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const { row, secret } = insertNewKey(db, {
      tenantId: tenant.tenant_id,
      name: `helixctl-admin-${stamp}`,
      description: 'Root credential of the local emulator (re-issued)',
      type: 'TENANT',
      status: 'ACTIVE',
      nonDeletable: false,
      expiry: { expiry_enum: EXPIRY_ENUM.NEVER, expiry_at: null },
      ownerUserId: admin.user_id,
      groupIds: [group.group_id],
      roleIds: [],
      createdAt: now,
    });
    return { accessKey: row.access_key, secretKey: secret, tenantId: tenant.tenant_id };
  });
}
