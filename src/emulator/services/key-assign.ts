import type { GroupIdsBody, KeyGroupRef, KeyRoleRef, RoleIdsBody } from '../../wire/types.js';
import { badRequest, keyNotFound } from '../model/api-error.js';
import { type JsonObject, optIdArray, rejectUnknown } from '../model/fields.js';
import { INHERITS_OWNER } from '../model/key-fields.js';
import { groupsOf, replaceGroups, replaceRoles, rolesOf } from '../repos/assignments.js';
import { missingGroupIds } from '../repos/groups.js';
import { getKeyByUserId, type KeyRow } from '../repos/keys.js';
import { missingRoleIds } from '../repos/roles.js';
import { actingUserId } from './caller.js';
import type { EmulatorContext } from './context.js';

/** The groups in effect for a key (a USER key's are its owner's). */
export function keyGroups(ctx: EmulatorContext, key: KeyRow): KeyGroupRef[] {
  return groupsOf(ctx.db, actingUserId(key));
}

/** The roles held directly by a key (a USER key's are its owner's). */
export function keyRoles(ctx: EmulatorContext, key: KeyRow): KeyRoleRef[] {
  return rolesOf(ctx.db, actingUserId(key));
}

/** Inside the write: the key may have been deleted (by another process) since its lookup. */
function stillThere(ctx: EmulatorContext, key: KeyRow): void {
  if (!getKeyByUserId(ctx.db, key.user_id)) throw keyNotFound(key.access_key);
}

function ids(body: JsonObject, field: 'group_ids' | 'role_ids'): string[] {
  rejectUnknown(body, [field]);
  const value = optIdArray(body, field);
  if (value === undefined) throw badRequest(`${field} is required`);
  return value;
}

/** `PUT .../groups`: replaces the whole set; a change queues a notice to the key's owner. */
export function setKeyGroups(ctx: EmulatorContext, key: KeyRow, body: JsonObject): GroupIdsBody {
  if (key.type === 'USER') throw badRequest(INHERITS_OWNER);
  const groupIds = ids(body, 'group_ids');
  const missing = missingGroupIds(ctx.db, key.tenant_id, groupIds);
  if (missing.length > 0) throw badRequest(`Unknown group id(s): ${missing.join(', ')}`);
  ctx.db.transaction(() => {
    stillThere(ctx, key);
    if (replaceGroups(ctx.db, key.user_id, groupIds)) {
      ctx.notifier.assignmentChanged(
        key,
        'groups',
        groupsOf(ctx.db, key.user_id).map((g) => g.name),
      );
    }
  });
  return { group_ids: groupIds };
}

/** `PUT .../roles`: as `setKeyGroups`, for roles held directly. */
export function setKeyRoles(ctx: EmulatorContext, key: KeyRow, body: JsonObject): RoleIdsBody {
  if (key.type === 'USER') throw badRequest(INHERITS_OWNER);
  const roleIds = ids(body, 'role_ids');
  const missing = missingRoleIds(ctx.db, key.tenant_id, roleIds);
  if (missing.length > 0) throw badRequest(`Unknown role id(s): ${missing.join(', ')}`);
  ctx.db.transaction(() => {
    stillThere(ctx, key);
    if (replaceRoles(ctx.db, key.user_id, roleIds)) {
      ctx.notifier.assignmentChanged(
        key,
        'roles',
        rolesOf(ctx.db, key.user_id).map((r) => r.name),
      );
    }
  });
  return { role_ids: roleIds };
}
