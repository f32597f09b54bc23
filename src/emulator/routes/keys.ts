import type { Hono } from 'hono';
import { imsPaths } from '../../wire/paths.js';
import { readBody } from '../http/body.js';
import { BODY } from '../http/body-schemas.js';
import { param, queryOf } from '../http/request.js';
import { forbidden } from '../model/api-error.js';
import { toKeyRecord } from '../repos/key-record.js';
import type { EmulatorContext } from '../services/context.js';
import { keyForRead, keyForWrite } from '../services/key-access.js';
import { createTenantKey } from '../services/key-create.js';
import { patchKey, removeKey } from '../services/key-update.js';
import { callerOf } from './caller-of.js';
import { keyPageBody } from './key-page.js';

const JSON_TYPE = { 'content-type': 'application/json' };
export const KEY_PATH = `${imsPaths.keys}/:key`;

/** The tenant-level key collection and `{key}` itself (access key or numeric user_id). */
export function keyRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get(imsPaths.keys, (c) => {
    const caller = callerOf(ctx, c);
    if (!caller.canRead) throw forbidden();
    return c.body(keyPageBody(ctx, queryOf(c), { tenantId: caller.tenantId }), 200, JSON_TYPE);
  });
  app.post(imsPaths.keys, async (c) => {
    const caller = callerOf(ctx, c);
    const body = await readBody(c, BODY.createTenantKey);
    return c.json(createTenantKey(ctx, caller, body), 201);
  });
  app.get(KEY_PATH, (c) => {
    const key = keyForRead(ctx, callerOf(ctx, c), param(c, 'key'));
    return c.json(toKeyRecord(key, ctx.clock.now()));
  });
  app.patch(KEY_PATH, async (c) => {
    const caller = callerOf(ctx, c);
    const body = await readBody(c, BODY.patchKey);
    return c.json(patchKey(ctx, keyForWrite(ctx, caller, param(c, 'key')), body));
  });
  app.delete(KEY_PATH, (c) => {
    removeKey(ctx, keyForWrite(ctx, callerOf(ctx, c), param(c, 'key')));
    return c.body(null, 204);
  });
}
