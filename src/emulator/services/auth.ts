import { verifyJwt } from '../crypto/jwt.js';
import { unauthorized } from '../model/api-error.js';
import { permissionSet } from '../repos/assignments.js';
import { getKeyByUserId, type KeyRow } from '../repos/keys.js';
import { AuthCache } from './auth-cache.js';
import { actingUserId, type Caller, makeCaller } from './caller.js';
import type { EmulatorContext } from './context.js';
import { refusal } from './key-usable.js';

/**
 * Authenticates a bearer access token: signature, expiry and use, then that the key still
 * exists, is active and unexpired. Reads only: nothing is written on this path. A verified
 * token's caller is reused from `ctx.auth` until a write or the clock could change the verdict.
 */
export function authenticate(ctx: EmulatorContext, header: string | undefined): Caller {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token) throw unauthorized();
  const now = ctx.clock.now();
  const id = AuthCache.idOf(token);
  const version = ctx.db.version();
  const cached = ctx.auth.get(id, version, now);
  if (cached) return cached;
  const result = verifyJwt(token, ctx.tenants.secretOf, now, 'access');
  if (!result.ok) throw unauthorized();
  const { claims } = result;
  const key = getKeyByUserId(ctx.db, claims.sub);
  if (!key || key.tenant_id !== claims.tenant_id) throw unauthorized('Access key no longer exists');
  const refused = refusal(key, claims.principal_id, now);
  if (refused) throw unauthorized(refused);
  const caller = makeCaller(key, claims.principal_id, permissionSet(ctx.db, actingUserId(key)));
  const validUntil = Math.min(claims.exp * 1000, keyUsableUntil(key, now));
  ctx.auth.set(id, version, { caller, builtAt: now, validUntil });
  return caller;
}

/** When `refusal` may next change its answer for `key` by the passage of time alone (exclusive). */
function keyUsableUntil(key: KeyRow, now: number): number {
  let until = Number.POSITIVE_INFINITY;
  // `isExpired` is `now > expiry_at`: the key is usable up to and including `expiry_at`.
  if (key.expiry_at !== null && key.expiry_at >= now) until = key.expiry_at + 1;
  if (key.old_valid_until !== null && key.old_valid_until > now) {
    until = Math.min(until, key.old_valid_until);
  }
  return until;
}
