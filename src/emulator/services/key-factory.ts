import type { KeyStatus, KeyType } from '../../wire/types.js';
import { newAccessKey, newEntityId, newSecretKey } from '../crypto/random.js';
import { hashSecret } from '../crypto/secret-hash.js';
import { addGroups, addRoles } from '../repos/assignments.js';
import { getKeyByAccessKey, getKeyByOldAccessKey, insertKey, type KeyRow } from '../repos/keys.js';
import { entityIdTaken, insertUser } from '../repos/users.js';
import type { Database } from '../store/sqlite.js';
import type { ResolvedExpiry } from './expiry.js';
import type { RotationSchedule } from './rotation.js';

const DAY_MS = 86_400_000;

/** Everything a new key needs; ids and secrets are generated unless given (seeds). */
export interface KeySpec {
  tenantId: string;
  name: string;
  description: string | null;
  type: KeyType;
  status: KeyStatus;
  nonDeletable: boolean;
  expiry: ResolvedExpiry;
  ownerUserId: string | null;
  rotation?: RotationSchedule | undefined;
  groupIds: readonly string[];
  roleIds: readonly string[];
  createdAt: number;
  userId?: string | undefined;
  accessKey?: string | undefined;
  secret?: string | undefined;
  lastAccessAt?: number | null | undefined;
}

/** A fresh access key no key holds, as current or as old (rotated) key. */
export function unusedAccessKey(db: Database): string {
  for (;;) {
    const candidate = newAccessKey();
    if (!getKeyByAccessKey(db, candidate) && !getKeyByOldAccessKey(db, candidate)) return candidate;
  }
}

/**
 * Inserts a key with its own principal user and its assignments. Call it inside a
 * transaction: the three writes must land together or not at all.
 */
export function insertNewKey(db: Database, spec: KeySpec): { row: KeyRow; secret: string } {
  const secret = spec.secret ?? newSecretKey();
  const userId = spec.userId ?? newEntityId((id) => entityIdTaken(db, id));
  const accessKey = spec.accessKey ?? unusedAccessKey(db);
  insertUser(db, {
    user_id: userId,
    tenant_id: spec.tenantId,
    login_id: accessKey,
    full_name: spec.name,
    email: null,
    user_type: 'API',
    user_status: 'ENABLE',
    created_at: spec.createdAt,
  });
  const rotation = spec.type === 'API' ? spec.rotation : undefined;
  const row: KeyRow = {
    user_id: userId,
    tenant_id: spec.tenantId,
    access_key: accessKey,
    name: spec.name,
    description: spec.description,
    type: spec.type,
    status: spec.status,
    non_deletable: spec.nonDeletable ? 1 : 0,
    expiry_enum: spec.expiry.expiry_enum,
    expiry_at: spec.expiry.expiry_at,
    expiry_notice_sent: 0,
    created_at: spec.createdAt,
    last_access_at: spec.lastAccessAt ?? null,
    secret_hash: hashSecret(secret),
    owner_user_id: spec.ownerUserId,
    never_rotate: rotation ? Number(rotation.never_rotate) : null,
    rotation_period: rotation?.rotation_period ?? null,
    grace_period: rotation?.grace_period ?? null,
    last_rotation_at: null,
    next_rotation_at: rotation ? spec.createdAt + rotation.rotation_period * DAY_MS : null,
    old_access_key: null,
    old_secret_hash: null,
    old_valid_until: null,
  };
  insertKey(db, row);
  addGroups(db, userId, spec.groupIds);
  addRoles(db, userId, spec.roleIds);
  return { row, secret };
}
