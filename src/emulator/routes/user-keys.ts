import type { Context, Hono } from 'hono';
import { imsPaths } from '../../wire/paths.js';
import { readBody } from '../http/body.js';
import { BODY } from '../http/body-schemas.js';
import { param, queryOf } from '../http/request.js';
import { forbidden, notFound } from '../model/api-error.js';
import { shown } from '../model/text-rules.js';
import { toKeyRecord } from '../repos/key-record.js';
import { getUser, type UserRow } from '../repos/users.js';
import type { Caller } from '../services/caller.js';
import type { EmulatorContext } from '../services/context.js';
import { keyForRead, keyForWrite } from '../services/key-access.js';
import { createUserKey } from '../services/key-create.js';
import { patchKey, removeKey } from '../services/key-update.js';
import { callerOf } from './caller-of.js';
import { keyPageBody } from './key-page.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const USER_KEYS = `${imsPaths.users}/:userId/access_keys`;

/**
 * The user named in the path, if the caller may act for it: itself, or tenant-wide rights
 * (`write` needs an administrator). Refused before the lookup, so a 403 says nothing about
 * whether that user exists.
 */
function target(
  ctx: EmulatorContext,
  c: Context,
  write: boolean,
): { caller: Caller; owner: UserRow } {
  const caller = callerOf(ctx, c);
  const userId = param(c, 'userId');
  const allowed = caller.userId === userId || (write ? caller.isAdmin : caller.canRead);
  if (!allowed) throw forbidden();
  const owner = getUser(ctx.db, caller.tenantId, userId);
  if (!owner) throw notFound(`User ${shown(userId)} not found`);
  return { caller, owner };
}

/** A person's user-level keys (`/users/{user_id}/access_keys[/{key}]`). */
export function userKeyRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get(USER_KEYS, (c) => {
    const { caller, owner } = target(ctx, c, false);
    return c.body(
      keyPageBody(ctx, queryOf(c), { tenantId: caller.tenantId, ownerUserId: owner.user_id }),
      200,
      JSON_TYPE,
    );
  });
  app.post(USER_KEYS, async (c) => {
    const { caller, owner } = target(ctx, c, true);
    const body = await readBody(c, BODY.createUserKey);
    return c.json(createUserKey(ctx, caller, owner, body), 201);
  });
  app.get(`${USER_KEYS}/:key`, (c) => {
    const { caller, owner } = target(ctx, c, false);
    const key = keyForRead(ctx, caller, param(c, 'key'), { ownerUserId: owner.user_id });
    return c.json(toKeyRecord(key, ctx.clock.now()));
  });
  app.patch(`${USER_KEYS}/:key`, async (c) => {
    const { caller, owner } = target(ctx, c, true);
    const body = await readBody(c, BODY.patchKey);
    const key = keyForWrite(ctx, caller, param(c, 'key'), { ownerUserId: owner.user_id });
    return c.json(patchKey(ctx, key, body));
  });
  app.delete(`${USER_KEYS}/:key`, (c) => {
    const { caller, owner } = target(ctx, c, true);
    removeKey(ctx, keyForWrite(ctx, caller, param(c, 'key'), { ownerUserId: owner.user_id }));
    return c.body(null, 204);
  });
}
