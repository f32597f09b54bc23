import { verifyJwt } from '../crypto/jwt.js';
import { unauthorized } from '../model/api-error.js';
import { permissionSet } from '../repos/assignments.js';
import { getKeyByUserId } from '../repos/keys.js';
import { actingUserId, type Caller, makeCaller } from './caller.js';
import type { EmulatorContext } from './context.js';
import { refusal } from './key-usable.js';

/**
 * Authenticates a bearer access token: signature, expiry and use, then that the key still
 * exists, is active and unexpired. Reads only: nothing is written on this path.
 */
export function authenticate(ctx: EmulatorContext, header: string | undefined): Caller {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token) throw unauthorized();
  const now = ctx.clock.now();
  const result = verifyJwt(token, ctx.tenants.secretOf, now, 'access');
  if (!result.ok) throw unauthorized();
  const { claims } = result;
  const key = getKeyByUserId(ctx.db, claims.sub);
  if (!key || key.tenant_id !== claims.tenant_id) throw unauthorized('Access key no longer exists');
  const refused = refusal(key, claims.principal_id, now);
  if (refused) throw unauthorized(refused);
  return makeCaller(key, claims.principal_id, permissionSet(ctx.db, actingUserId(key)));
}
