import type { Context } from 'hono';
import { authorizationOf } from '../http/request.js';
import { authenticate } from '../services/auth.js';
import type { Caller } from '../services/caller.js';
import type { EmulatorContext } from '../services/context.js';

/** The authenticated caller of a request (401 otherwise). */
export function callerOf(ctx: EmulatorContext, c: Context): Caller {
  return authenticate(ctx, authorizationOf(c));
}
