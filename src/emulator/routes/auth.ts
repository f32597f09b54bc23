import type { Hono } from 'hono';
import { imsPaths } from '../../wire/paths.js';
import { readBody } from '../http/body.js';
import { BODY } from '../http/body-schemas.js';
import { clientAddress } from '../http/request.js';
import { ApiError } from '../model/api-error.js';
import type { EmulatorContext } from '../services/context.js';
import { login } from '../services/login.js';
import { refresh } from '../services/tokens.js';
import { userInfo } from '../services/userinfo.js';
import { callerOf } from './caller-of.js';

/** Login, token refresh and userinfo. */
export function authRoutes(app: Hono, ctx: EmulatorContext): void {
  app.post(imsPaths.login, async (c) => {
    const body = await readBody(c, BODY.login);
    return c.json(login(ctx, body, clientAddress(c)));
  });
  // `/access_keys/login` would otherwise match `GET /access_keys/{key}` and read as a key.
  app.all(imsPaths.login, () => {
    throw new ApiError(405, 'Method not allowed; use POST', { Allow: 'POST' });
  });
  app.post(imsPaths.refresh, async (c) => {
    const body = await readBody(c, BODY.refresh);
    // Some clients send the refresh token as a bearer header (docs/ims-api.md §3.2); the body wins.
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    return c.json(refresh(ctx, body.token ?? bearer));
  });
  app.get(imsPaths.userinfo, (c) => c.json(userInfo(ctx, callerOf(ctx, c))));
}
