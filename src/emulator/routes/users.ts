import type { Hono } from 'hono';
import { imsPaths } from '../../wire/paths.js';
import { newEntityId } from '../crypto/random.js';
import { readBody } from '../http/body.js';
import { BODY } from '../http/body-schemas.js';
import { parseBoolean, parseTypes } from '../http/list-query.js';
import { param, queryOf } from '../http/request.js';
import { badRequest, forbidden, notFound } from '../model/api-error.js';
import { type JsonObject, optIdArray, optString, rejectUnknown, reqName } from '../model/fields.js';
import { shown } from '../model/text-rules.js';
import { addGroups, addRoles } from '../repos/assignments.js';
import { missingGroupIds } from '../repos/groups.js';
import { envelope, parsePaging, parseSort } from '../repos/paging.js';
import { missingRoleIds } from '../repos/roles.js';
import { listUsers, USER_SORT } from '../repos/user-list.js';
import {
  entityIdTaken,
  getUser,
  getUserByLogin,
  insertUser,
  toUserRecord,
  type UserRow,
} from '../repos/users.js';
import type { Caller } from '../services/caller.js';
import type { EmulatorContext } from '../services/context.js';
import { callerOf } from './caller-of.js';

function createPerson(ctx: EmulatorContext, caller: Caller, body: JsonObject): UserRow {
  if (!caller.isAdmin) throw forbidden();
  rejectUnknown(body, ['login_id', 'full_name', 'email', 'group_ids', 'role_ids']);
  const loginId = reqName(body, 'login_id');
  const groupIds = optIdArray(body, 'group_ids') ?? [];
  const roleIds = optIdArray(body, 'role_ids') ?? [];
  const missing = [
    ...missingGroupIds(ctx.db, caller.tenantId, groupIds),
    ...missingRoleIds(ctx.db, caller.tenantId, roleIds),
  ];
  if (missing.length > 0) throw badRequest(`Unknown group or role id(s): ${missing.join(', ')}`);
  return ctx.db.transaction(() => {
    if (getUserByLogin(ctx.db, caller.tenantId, loginId))
      throw badRequest(`User with login_id "${loginId}" already exists`);
    const row: UserRow = {
      user_id: newEntityId((id) => entityIdTaken(ctx.db, id)),
      tenant_id: caller.tenantId,
      login_id: loginId,
      full_name: optString(body, 'full_name')?.trim() || loginId,
      email: optString(body, 'email') || null,
      user_type: 'PERSON',
      user_status: 'ENABLE',
      created_at: ctx.clock.now(),
    };
    insertUser(ctx.db, row);
    addGroups(ctx.db, row.user_id, groupIds);
    addRoles(ctx.db, row.user_id, roleIds);
    return row;
  });
}

/** Tenant users (persons and key principals); creating persons is an extension. */
export function userRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get(imsPaths.users, (c) => {
    const caller = callerOf(ctx, c);
    if (!caller.canRead) throw forbidden();
    const query = queryOf(c);
    const paging = parsePaging(query.one);
    const sort = parseSort(query.one, USER_SORT, 'created_date_time');
    let types = parseTypes(query, ['PERSON', 'API'] as const);
    if (parseBoolean(query, 'excludeApiKeyUsers')) types = ['PERSON'];
    const { rows, total } = listUsers(ctx.db, { tenantId: caller.tenantId, types }, sort, paging);
    return c.json(envelope(rows.map(toUserRecord), total, paging));
  });
  app.post(imsPaths.users, async (c) => {
    const caller = callerOf(ctx, c);
    const body = await readBody(c, BODY.createPerson);
    return c.json(toUserRecord(createPerson(ctx, caller, body)), 201);
  });
  app.get(`${imsPaths.users}/:userId`, (c) => {
    const caller = callerOf(ctx, c);
    const userId = param(c, 'userId');
    const user =
      caller.canRead || caller.userId === userId
        ? getUser(ctx.db, caller.tenantId, userId)
        : undefined;
    if (!user) throw notFound(`User ${shown(userId)} not found`);
    return c.json(toUserRecord(user));
  });
}
