import { newEntityId, randomDigits } from '../crypto/random.js';
import { insertGroup } from '../repos/groups.js';
import { insertRole } from '../repos/roles.js';
import { getTenant, insertTenant } from '../repos/tenants.js';
import { entityIdTaken } from '../repos/users.js';
import type { Database } from '../store/sqlite.js';
import { PERMISSION_ALL, PERMISSION_MANAGE, PERMISSION_READ } from './caller.js';

/** The roles every tenant starts with (docs/design.md section 4). */
export const STANDARD_ROLES: ReadonlyArray<{
  name: string;
  description: string;
  permissions: string[];
}> = [
  { name: 'Administrator', description: 'Everything', permissions: [PERMISSION_ALL] },
  {
    name: 'Access Key Administrator',
    description: 'Manage every access key of the tenant',
    permissions: [PERMISSION_MANAGE],
  },
  {
    name: 'Access Key Auditor',
    description: 'Read every access key of the tenant',
    permissions: [PERMISSION_READ],
  },
  {
    name: 'Data Ingestion',
    description: 'Send events and metrics',
    permissions: ['ingestion:events:write', 'ingestion:metrics:write'],
  },
  { name: 'Viewer', description: 'Read the portal', permissions: ['portal:read'] },
];
export const ADMINISTRATORS_GROUP = 'Administrators';

export interface NewTenantSpec {
  tenantId?: string | undefined;
  name: string;
  domainName?: string | undefined;
  now: number;
}

/** Ids of a tenant's roles and groups by name, for wiring users and keys to them. */
export interface TenantNames {
  tenantId: string;
  roles: Map<string, string>;
  groups: Map<string, string>;
}

/** Creates a tenant with the standard roles and the Administrators group. Call in a transaction. */
export function createTenant(db: Database, spec: NewTenantSpec): TenantNames {
  let tenantId = spec.tenantId;
  while (tenantId === undefined || (spec.tenantId === undefined && getTenant(db, tenantId))) {
    tenantId = randomDigits(10);
  }
  const domainName =
    spec.domainName ?? `${spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.local`;
  insertTenant(db, { tenantId, name: spec.name, domainName, now: spec.now });
  const names: TenantNames = { tenantId, roles: new Map(), groups: new Map() };
  for (const role of STANDARD_ROLES) {
    const roleId = newEntityId((id) => entityIdTaken(db, id));
    insertRole(db, { roleId, tenantId, ...role, now: spec.now });
    names.roles.set(role.name, roleId);
  }
  const groupId = newEntityId((id) => entityIdTaken(db, id));
  const adminRole = names.roles.get('Administrator') ?? '';
  insertGroup(db, {
    groupId,
    tenantId,
    name: ADMINISTRATORS_GROUP,
    description: 'Tenant administrators',
    roleIds: [adminRole],
    now: spec.now,
  });
  names.groups.set(ADMINISTRATORS_GROUP, groupId);
  return names;
}
