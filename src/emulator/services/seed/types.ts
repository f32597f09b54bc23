import { UsageError } from '../../../core/errors.js';

/**
 * Shapes of a seed file (docs/emulator.md). Roles, groups and owners are referenced by name
 * (or id) within their tenant.
 */

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
