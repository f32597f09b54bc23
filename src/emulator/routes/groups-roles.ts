import type { Context, Hono } from 'hono';
import { imsPaths } from '../../wire/paths.js';
import { newEntityId } from '../crypto/random.js';
import { readBody } from '../http/body.js';
import { BODY } from '../http/body-schemas.js';
import { param, queryOf } from '../http/request.js';
import { badRequest, forbidden, notFound } from '../model/api-error.js';
import { optIdArray, optString, rejectUnknown, reqName } from '../model/fields.js';
import { shown } from '../model/text-rules.js';
import { GROUP_SORT, getGroup, groupNameTaken, insertGroup, listGroups } from '../repos/groups.js';
import { envelope, type Paging, parsePaging, parseSort, type Sort } from '../repos/paging.js';
import { getRole, listRoles, missingRoleIds, ROLE_SORT } from '../repos/roles.js';
import { entityIdTaken } from '../repos/users.js';
import type { EmulatorContext } from '../services/context.js';
import type { Database } from '../store/sqlite.js';
import { callerOf } from './caller-of.js';

type TenantList<T> = (
  db: Database,
  tenantId: string,
  paging: Paging,
  sort: Sort,
) => { records: T[]; total: number };

/** `GET` of the caller's tenant's groups or roles: paged, sorted by `columns`, by name first. */
function listRoute<T>(
  ctx: EmulatorContext,
  list: TenantList<T>,
  columns: Readonly<Record<string, string>>,
) {
  return (c: Context) => {
    const caller = callerOf(ctx, c);
    const query = queryOf(c);
    const paging = parsePaging(query.one);
    const { records, total } = list(
      ctx.db,
      caller.tenantId,
      paging,
      parseSort(query.one, columns, 'name'),
    );
    return c.json(envelope(records, total, paging));
  };
}

/** Groups (list, create, read) and roles (list, read), readable by any caller of the tenant. */
export function groupRoleRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get(imsPaths.groups, listRoute(ctx, listGroups, GROUP_SORT));
  app.post(imsPaths.groups, async (c) => {
    const caller = callerOf(ctx, c);
    const body = await readBody(c, BODY.createGroup);
    if (!caller.isAdmin) throw forbidden();
    rejectUnknown(body, ['name', 'description', 'role_ids']);
    const name = reqName(body, 'name');
    const roleIds = optIdArray(body, 'role_ids') ?? [];
    const missing = missingRoleIds(ctx.db, caller.tenantId, roleIds);
    if (missing.length > 0) throw badRequest(`Unknown role id(s): ${missing.join(', ')}`);
    const groupId = ctx.db.transaction(() => {
      if (groupNameTaken(ctx.db, caller.tenantId, name))
        throw badRequest(`Group with name ${name} already exists`);
      const id = newEntityId((candidate) => entityIdTaken(ctx.db, candidate));
      insertGroup(ctx.db, {
        groupId: id,
        tenantId: caller.tenantId,
        name,
        description: optString(body, 'description', 1000) || undefined,
        roleIds,
        now: ctx.clock.now(),
      });
      return id;
    });
    return c.json({ group_id: groupId }, 201);
  });
  app.get(`${imsPaths.groups}/:groupId`, (c) => {
    const caller = callerOf(ctx, c);
    const group = getGroup(ctx.db, caller.tenantId, param(c, 'groupId'));
    if (!group) throw notFound(`Group ${shown(param(c, 'groupId'))} not found`);
    return c.json(group);
  });
  app.get(imsPaths.roles, listRoute(ctx, listRoles, ROLE_SORT));
  app.get(`${imsPaths.roles}/:roleId`, (c) => {
    const caller = callerOf(ctx, c);
    const role = getRole(ctx.db, caller.tenantId, param(c, 'roleId'));
    if (!role) throw notFound(`Role ${shown(param(c, 'roleId'))} not found`);
    return c.json(role);
  });
}
