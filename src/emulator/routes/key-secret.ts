import type { Hono } from 'hono';
import { readBody } from '../http/body.js';
import { BODY } from '../http/body-schemas.js';
import { param } from '../http/request.js';
import type { EmulatorContext } from '../services/context.js';
import { keyForRead, keyForWrite } from '../services/key-access.js';
import {
  regenerateSecret,
  rotateApiKey,
  storedSecret,
  updateRotation,
} from '../services/key-secret.js';
import { callerOf } from './caller-of.js';
import { KEY_PATH } from './keys.js';

/** Secret regeneration, the stored secret form, and API-key rotation. */
export function keySecretRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get(`${KEY_PATH}/secret`, (c) => {
    return c.json(storedSecret(keyForRead(ctx, callerOf(ctx, c), param(c, 'key'))));
  });
  app.post(`${KEY_PATH}/secret`, (c) => {
    return c.json(regenerateSecret(ctx, keyForWrite(ctx, callerOf(ctx, c), param(c, 'key'))));
  });
  app.post(`${KEY_PATH}/rotate`, (c) => {
    return c.json(rotateApiKey(ctx, keyForWrite(ctx, callerOf(ctx, c), param(c, 'key'))));
  });
  app.patch(`${KEY_PATH}/rotation`, async (c) => {
    const caller = callerOf(ctx, c);
    const body = await readBody(c, BODY.patchRotation);
    return c.json(updateRotation(ctx, keyForWrite(ctx, caller, param(c, 'key')), body));
  });
}
