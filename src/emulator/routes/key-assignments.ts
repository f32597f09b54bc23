import type { Hono } from 'hono';
import { readBody } from '../http/body.js';
import { BODY } from '../http/body-schemas.js';
import { param } from '../http/request.js';
import { forbidden } from '../model/api-error.js';
import { effectivePermissions } from '../repos/assignments.js';
import type { KeyRow } from '../repos/keys.js';
import { envelope } from '../repos/paging.js';
import { actingUserId, type Caller } from '../services/caller.js';
import type { EmulatorContext } from '../services/context.js';
import { keyForRead } from '../services/key-access.js';
import { keyGroups, keyRoles, setKeyGroups, setKeyRoles } from '../services/key-assign.js';
import { callerOf } from './caller-of.js';
import { KEY_PATH } from './keys.js';

/** A whole (unpaged) list in the IMS envelope. */
function whole<T>(records: T[]) {
  return envelope(records, records.length, { page: 0, size: Math.max(records.length, 1) });
}

/** A key whose assignments the caller may replace; USER keys go on to their 400. */
function assignable(ctx: EmulatorContext, caller: Caller, ref: string): KeyRow {
  const key = keyForRead(ctx, caller, ref);
  if (key.type !== 'USER' && !caller.isAdmin) throw forbidden();
  return key;
}

/** Groups, roles and effective permissions of a key. Changing them is for administrators. */
export function keyAssignmentRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get(`${KEY_PATH}/groups`, (c) => {
    return c.json(whole(keyGroups(ctx, keyForRead(ctx, callerOf(ctx, c), param(c, 'key')))));
  });
  app.get(`${KEY_PATH}/roles`, (c) => {
    return c.json(whole(keyRoles(ctx, keyForRead(ctx, callerOf(ctx, c), param(c, 'key')))));
  });
  app.get(`${KEY_PATH}/permissions`, (c) => {
    const key = keyForRead(ctx, callerOf(ctx, c), param(c, 'key'));
    return c.json(effectivePermissions(ctx.db, actingUserId(key)));
  });
  app.put(`${KEY_PATH}/groups`, async (c) => {
    const caller = callerOf(ctx, c);
    const body = await readBody(c, BODY.putGroups);
    return c.json(setKeyGroups(ctx, assignable(ctx, caller, param(c, 'key')), body));
  });
  app.put(`${KEY_PATH}/roles`, async (c) => {
    const caller = callerOf(ctx, c);
    const body = await readBody(c, BODY.putRoles);
    return c.json(setKeyRoles(ctx, assignable(ctx, caller, param(c, 'key')), body));
  });
}
