import { USER_KEY_LIMIT } from '../../core/user-key-limit.js';
import type { CreatedAccessKey, KeyType } from '../../wire/types.js';
import { badRequest, forbidden } from '../model/api-error.js';
import {
  type JsonObject,
  optBoolean,
  optIdArray,
  optObject,
  optString,
  rejectUnknown,
  reqName,
} from '../model/fields.js';
import { INHERITS_OWNER } from '../model/key-fields.js';
import { missingGroupIds } from '../repos/groups.js';
import { toKeyRecord } from '../repos/key-record.js';
import { countUserKeys } from '../repos/keys.js';
import { missingRoleIds } from '../repos/roles.js';
import type { UserRow } from '../repos/users.js';
import type { Caller } from './caller.js';
import type { EmulatorContext } from './context.js';
import { resolveExpiry } from './expiry.js';
import { insertNewKey, type KeySpec } from './key-factory.js';
import { resolveRotation } from './rotation.js';

/**
 * The fields a creation may name. A user key names the same ones, then refuses those that
 * are not its own (groups, roles, rotation) with a reason rather than as unknown.
 */
const CREATE_FIELDS = [
  'name',
  'description',
  'type',
  'expiry_enum',
  'expiry_time',
  'non_deletable',
  'rotation',
  'group_ids',
  'role_ids',
];

function common(body: JsonObject, now: number) {
  const description = optString(body, 'description', 1000);
  return {
    name: reqName(body, 'name'),
    description: description === undefined || description === '' ? null : description,
    expiry: resolveExpiry(body.expiry_enum, body.expiry_time, now),
    nonDeletable: optBoolean(body, 'non_deletable') ?? false,
  };
}

function ensureExist(kind: 'group' | 'role', missing: string[]): void {
  if (missing.length > 0) throw badRequest(`Unknown ${kind} id(s): ${missing.join(', ')}`);
}

/** `POST /access_keys`: a TENANT or API key (administrators only). */
export function createTenantKey(
  ctx: EmulatorContext,
  caller: Caller,
  body: JsonObject,
): CreatedAccessKey {
  if (!caller.isAdmin) throw forbidden();
  rejectUnknown(body, CREATE_FIELDS);
  const now = ctx.clock.now();
  const type = body.type ?? 'TENANT';
  if (type === 'USER')
    throw badRequest('User access keys are created under /users/{user_id}/access_keys');
  if (type !== 'TENANT' && type !== 'API') throw badRequest('type must be TENANT or API');
  const rotation = optObject(body, 'rotation');
  if (rotation && type !== 'API') throw badRequest('rotation is allowed only for API keys');
  const groupIds = optIdArray(body, 'group_ids') ?? [];
  const roleIds = optIdArray(body, 'role_ids') ?? [];
  ensureExist('group', missingGroupIds(ctx.db, caller.tenantId, groupIds));
  ensureExist('role', missingRoleIds(ctx.db, caller.tenantId, roleIds));
  const spec: KeySpec = {
    ...common(body, now),
    tenantId: caller.tenantId,
    type: type as KeyType,
    status: 'ACTIVE',
    ownerUserId: caller.personId,
    rotation: type === 'API' ? resolveRotation(rotation ?? {}) : undefined,
    groupIds,
    roleIds,
    createdAt: now,
  };
  return create(ctx, spec, () => undefined);
}

/**
 * `POST /users/{user_id}/access_keys`: a USER key of `owner` (the owner or an administrator).
 * The limit is counted and the key inserted in one immediate transaction, so concurrent
 * requests, from this process or another on the same file, cannot exceed it.
 */
export function createUserKey(
  ctx: EmulatorContext,
  caller: Caller,
  owner: UserRow,
  body: JsonObject,
): CreatedAccessKey {
  rejectUnknown(body, CREATE_FIELDS);
  if (body.group_ids !== undefined || body.role_ids !== undefined) throw badRequest(INHERITS_OWNER);
  if (body.rotation !== undefined) throw badRequest('rotation is allowed only for API keys');
  if (body.type !== undefined && body.type !== 'USER')
    throw badRequest('type of a user access key is USER');
  if (owner.user_type !== 'PERSON')
    throw badRequest('User access keys belong to persons, not to key principals');
  const fields = common(body, ctx.clock.now());
  if (fields.nonDeletable && !caller.isAdmin)
    throw forbidden('Only administrators can create non-deletable keys');
  const spec: KeySpec = {
    ...fields,
    tenantId: owner.tenant_id,
    type: 'USER',
    status: 'ACTIVE',
    ownerUserId: owner.user_id,
    groupIds: [],
    roleIds: [],
    createdAt: ctx.clock.now(),
  };
  return create(ctx, spec, () => {
    if (countUserKeys(ctx.db, owner.user_id) >= USER_KEY_LIMIT) {
      throw badRequest(`User access key limit (${USER_KEY_LIMIT}) reached`);
    }
  });
}

function create(ctx: EmulatorContext, spec: KeySpec, check: () => void): CreatedAccessKey {
  const { row, secret } = ctx.db.transaction(() => {
    check();
    return insertNewKey(ctx.db, spec);
  });
  if (row.expiry_at !== null) ctx.notifier.markDirty();
  return {
    ...toKeyRecord(row, ctx.clock.now()),
    access_secret_key: secret,
    tenant_id: row.tenant_id,
  };
}
