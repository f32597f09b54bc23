/**
 * Wire types of the BMC Helix IMS API (`/ims/api/v1`). Field names are the service's own
 * (snake_case); see docs/ims-api.md. Fields marked "extension" are
 * the emulator's proposals (graded proposed there) and may be absent on the real service.
 * Shared by the client (src/api) and the emulator (src/emulator): keep it free of logic.
 */

import type { ExpiryEnum } from '../core/expiry-enum.js';

// The expiry strings are domain values (src/core parses --expires into them); re-exported here
// so every wire type keeps coming from this one file.
export { EXPIRY_ENUM, type ExpiryEnum } from '../core/expiry-enum.js';

/** `USER` is the proposed value for user-level keys (extension). */
export type KeyType = 'TENANT' | 'API' | 'USER';
export type KeyStatus = 'ACTIVE' | 'INACTIVE';

export interface Rotation {
  never_rotate: boolean;
  /** Days between rotations. */
  rotation_period: number;
  /** Days the previous access key keeps working after a rotation. */
  grace_period: number;
  last_rotation_date?: string;
  next_rotation_date?: string;
  /** The previous access key while it is within its grace period. */
  old_rotation_key?: string;
}

/** The AccessKey read model (docs/ims-api.md §6). Never carries a secret. */
export interface AccessKeyRecord {
  user_id: string;
  name: string;
  type: KeyType;
  description?: string;
  access_key: string;
  /** Omitted for keys that never expire. */
  expiry_time?: string;
  status: KeyStatus;
  non_deletable: boolean;
  created_date: string;
  expiry_enum: ExpiryEnum | string;
  key_expired: boolean;
  last_access?: string;
  rotation?: Rotation;
  /** Extension: the person who owns the key (user-level keys, and the creator otherwise). */
  owner_user_id?: string;
}

/** What create, regenerate and API-key rotation return once: the record plus the secret. */
export interface CreatedAccessKey extends AccessKeyRecord {
  access_secret_key: string;
  tenant_id: string;
}

export interface ListMetadata {
  page: number;
  records_per_page: number;
  page_count: number;
  total_count: number;
}

export interface ListEnvelope<T> {
  records: T[];
  _metadata: ListMetadata;
}

/** The IMS error body, e.g. `{timestamp, code: 400, message: "BAD_REQUEST", error: "..."}`. */
export interface ImsErrorBody {
  timestamp: string;
  code: number;
  message: string;
  error: string;
}

export interface LoginRequest {
  access_key: string;
  access_secret_key: string;
  tenant_id?: string;
}

export interface LoginResponse {
  json_web_token: string;
  /** The refresh token. */
  token: string;
  user_id?: string;
  tenant_id?: string;
  principal_id?: string;
  tenant_name?: string;
}

/**
 * A login answer as the client accepts it. The emulator sends both tokens; other versions of
 * the service send one: a lone refresh token is exchanged at `auth/tokens`, a lone JWT is used
 * until it expires.
 */
export interface LoginAnswer extends Omit<LoginResponse, 'json_web_token' | 'token'> {
  json_web_token?: string | undefined;
  token?: string | undefined;
}

export interface RefreshRequest {
  token: string;
}

export interface RefreshResponse {
  json_web_token: string;
}

export interface UserInfo {
  user_id: string;
  tenant_id: string;
  tenant_name: string;
  tenant_domain_name: string;
  /** For a key login, the access key itself. */
  principal_id: string;
  type: 'API' | 'PERSON';
  auth_type: 'IMS_AUTH';
  /** Role names. */
  roles: string[];
  /** Group names. */
  groups: string[];
  /** Effective permissions; `"*"` means all. */
  permissions: string[];
  /** Extension: the type of the key used to log in. */
  key_type?: KeyType;
}

export interface CreateKeyRequest {
  name: string;
  description?: string;
  type?: 'TENANT' | 'API';
  expiry_enum: ExpiryEnum;
  /** Required with `Custom value`: a zone-less UTC timestamp or a plain date. */
  expiry_time?: string;
  non_deletable?: boolean;
  rotation?: Partial<Pick<Rotation, 'never_rotate' | 'rotation_period' | 'grace_period'>>;
  group_ids?: string[];
  role_ids?: string[];
}

export interface UpdateKeyRequest {
  name?: string;
  description?: string | null;
  expiry_enum?: ExpiryEnum;
  expiry_time?: string;
  status?: KeyStatus;
}

export interface RotationUpdateRequest {
  never_rotate?: boolean;
  rotation_period?: number;
  grace_period?: number;
}

export interface RegeneratedSecret {
  access_key: string;
  access_secret_key: string;
  tenant_id: string;
}

/** `GET /access_keys/{key}/secret`: only the stored one-way form. */
export interface StoredSecret {
  access_key: string;
  encrypted_secret_key: string;
}

export interface Role {
  role_id: string;
  name: string;
  description?: string;
  permissions: string[];
}

export interface Group {
  group_id: string;
  name: string;
  description?: string;
  /** Role ids carried by the group. */
  role_ids: string[];
}

export interface KeyGroupRef {
  group_id: string;
  name: string;
}

export interface KeyRoleRef {
  role_id: string;
  name: string;
}

export interface GroupIdsBody {
  group_ids: string[];
}

export interface RoleIdsBody {
  role_ids: string[];
}

export interface PermissionsResponse {
  permissions: string[];
  /** Extension: where each permission comes from. */
  sources?: Array<{ permission: string; via: 'role' | 'group'; name: string }>;
}

export interface User {
  user_id: string;
  tenant_id: string;
  login_id: string;
  full_name: string;
  email?: string;
  user_type: 'PERSON' | 'API';
  user_status: 'ENABLE' | 'DISABLE';
  created_date: string;
}

export interface CreateUserRequest {
  login_id: string;
  full_name?: string;
  email?: string;
  group_ids?: string[];
  role_ids?: string[];
}

export type NotificationType = 'ACCESS_KEY_EXPIRING' | 'ACCESS_KEY_ASSIGNMENT_CHANGED';

/** Emulator outbox entry (`GET /__emulator/notifications`). */
export interface Notification {
  notification_id: string;
  type: NotificationType;
  recipient_user_id: string;
  access_key: string;
  key_name: string;
  message: string;
  created_date: string;
}

/**
 * Query of the list endpoints, with the service's camelCase names (docs/ims-api.md §4). `page` is
 * 0-based; `size` defaults to 1000 on the service.
 */
export interface ListQuery {
  page?: number | undefined;
  size?: number | undefined;
  /** Keys: `user_id`, `name`, `description`, `access_key`, `status`, `expiry_enum`, `created_date_time`. */
  orderBy?: string | undefined;
  sortOrder?: 'asc' | 'desc' | undefined;
  /** `API`, `TENANT` (and the extension `USER`) for keys; user types for `/users`. */
  userTypes?: string | undefined;
  /** Extension (docs/ims-api.md §4): keys expiring within this many days. */
  expiringWithinDays?: number | undefined;
}

/** `POST /users/{user_id}/access_keys`: the type is forced to `USER`, groups and roles refused. */
export type CreateUserKeyRequest = Omit<
  CreateKeyRequest,
  'type' | 'rotation' | 'group_ids' | 'role_ids'
>;
