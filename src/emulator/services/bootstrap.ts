import type { Credential } from '../../core/credential.js';
import { EXPIRY_ENUM } from '../../wire/types.js';
import { newEntityId } from '../crypto/random.js';
import { addGroups } from '../repos/assignments.js';
import { insertGroup } from '../repos/groups.js';
import { entityIdTaken, insertUser } from '../repos/users.js';
import type { Database } from '../store/sqlite.js';
import { markAdminPending } from './admin-credential.js';
import { insertNewKey } from './key-factory.js';
import { ADMINISTRATORS_GROUP, createTenant, type TenantNames } from './tenant-setup.js';

export interface BootstrapResult {
  tenantId: string;
  /** The admin key's secret: it exists only here, once. */
  adminCredential: Credential;
}

export const EMULATOR_TENANT_NAME = 'Helix Emulator';
export const ADMIN_KEY_NAME = 'helixctl-admin';
/**
 * Groups the bootstrapped tenant has beside Administrators, so the README's examples
 * (`keys add ... --group Operators --role "Data Ingestion"`) run as written on a fresh
 * emulator. Seeded tenants get only what their seed names.
 */
export const EXAMPLE_GROUPS: ReadonlyArray<{ name: string; description: string; roles: string[] }> =
  [
    { name: 'Operators', description: 'Run the services', roles: ['Data Ingestion', 'Viewer'] },
    { name: 'Auditors', description: 'Review access keys', roles: ['Access Key Auditor'] },
  ];

/**
 * First start on an empty database: a tenant, its roles, the Administrators group and the
 * example groups, an admin person, the admin TENANT key (never expires: it is the emulator's root credential, and an
 * expired root key would lock the user out of a local emulator for good), and the onboarding
 * API key `<tenant id>@<epoch ms>` (non-deletable, never rotates). One transaction.
 */
export function bootstrap(db: Database, now: number): BootstrapResult {
  return db.transaction(() => {
    const names = createTenant(db, {
      name: EMULATOR_TENANT_NAME,
      domainName: 'helix-emulator.local',
      now,
    });
    for (const group of EXAMPLE_GROUPS) {
      const groupId = newEntityId((id) => entityIdTaken(db, id));
      const roleIds = group.roles.map((role) => names.roles.get(role) ?? '');
      const { name, description } = group;
      insertGroup(db, { groupId, tenantId: names.tenantId, name, description, roleIds, now });
      names.groups.set(group.name, groupId);
    }
    const adminId = newEntityId((id) => entityIdTaken(db, id));
    insertUser(db, {
      user_id: adminId,
      tenant_id: names.tenantId,
      login_id: 'admin',
      full_name: 'Emulator Administrator',
      email: 'admin@helix-emulator.local',
      user_type: 'PERSON',
      user_status: 'ENABLE',
      created_at: now,
    });
    const administrators = names.groups.get(ADMINISTRATORS_GROUP) ?? '';
    addGroups(db, adminId, [administrators]);
    const { row, secret } = insertNewKey(db, {
      tenantId: names.tenantId,
      name: ADMIN_KEY_NAME,
      description: 'Root credential of the local emulator',
      type: 'TENANT',
      status: 'ACTIVE',
      nonDeletable: false,
      expiry: { expiry_enum: EXPIRY_ENUM.NEVER, expiry_at: null },
      ownerUserId: adminId,
      groupIds: [administrators],
      roleIds: [],
      createdAt: now,
    });
    insertOnboardingKey(db, names, now);
    // Until the caller has shown or stored the secret (serve.ts, the local profile).
    markAdminPending(db, names.tenantId, now);
    return {
      tenantId: names.tenantId,
      adminCredential: { accessKey: row.access_key, secretKey: secret, tenantId: names.tenantId },
    };
  });
}

/** The tenant's BHOM onboarding key; its secret is discarded, as only BHOM would hold it. */
export function insertOnboardingKey(db: Database, names: TenantNames, now: number): void {
  insertNewKey(db, {
    tenantId: names.tenantId,
    name: `${names.tenantId}@${now}`,
    description: 'Onboarding API key of BMC Helix Operations Management',
    type: 'API',
    status: 'ACTIVE',
    nonDeletable: true,
    expiry: { expiry_enum: EXPIRY_ENUM.NEVER, expiry_at: null },
    ownerUserId: null,
    rotation: { never_rotate: true, rotation_period: 30, grace_period: 15 },
    groupIds: [],
    roleIds: [
      ...(names.roles.has('Data Ingestion') ? [names.roles.get('Data Ingestion') ?? ''] : []),
    ],
    createdAt: now,
  });
}
