import type { LoginResponse } from '../../api/types.js';
import { verifySecret } from '../crypto/secret-hash.js';
import { ApiError, badRequest, notFound, unauthorized } from '../http/api-error.js';
import type { JsonObject } from '../http/body.js';
import { inGrace } from '../repos/key-record.js';
import { getKeyByAccessKey, getKeyByOldAccessKey, touchLastAccess } from '../repos/keys.js';
import { recordRefreshToken } from '../repos/tokens.js';
import { actingUserId } from './caller.js';
import type { EmulatorContext } from './context.js';
import { refusal } from './key-usable.js';
import { issue } from './tokens.js';

const BAD_CREDENTIALS = 'Invalid access key or secret key';

/** The key an access key names: its current one, or the old one of an API key in grace. */
function loginKey(ctx: EmulatorContext, accessKey: string, now: number) {
  const current = getKeyByAccessKey(ctx.db, accessKey);
  if (current) return { key: current, hash: current.secret_hash };
  const rotated = getKeyByOldAccessKey(ctx.db, accessKey);
  if (rotated && inGrace(rotated, now) && rotated.old_secret_hash) {
    return { key: rotated, hash: rotated.old_secret_hash };
  }
  return undefined;
}

function credentials(body: JsonObject): { accessKey: string; secret: string; tenantId?: string } {
  const { access_key: accessKey, access_secret_key: secret, tenant_id: tenantId } = body;
  if (typeof accessKey !== 'string' || typeof secret !== 'string' || !accessKey || !secret) {
    throw badRequest('access_key and access_secret_key are required');
  }
  if (tenantId === undefined || tenantId === null || tenantId === '') return { accessKey, secret };
  if (typeof tenantId !== 'string' && typeof tenantId !== 'number') {
    throw badRequest('tenant_id must be a string');
  }
  return { accessKey, secret, tenantId: String(tenantId) };
}

/**
 * `POST /access_keys/login`: throttle, tenant, constant-time secret check, then status and
 * expiry (only after the secret matched, so they reveal nothing to a guesser).
 */
export function login(ctx: EmulatorContext, body: JsonObject, address: string): LoginResponse {
  const { accessKey, secret, tenantId } = credentials(body);
  const now = ctx.clock.now();
  const wait = ctx.throttle.retryAfter(accessKey, address, now);
  if (wait !== undefined) {
    throw new ApiError(429, `Too many failed login attempts; retry in ${wait} seconds`, {
      'Retry-After': String(wait),
    });
  }
  if (tenantId !== undefined && !ctx.tenants.get(tenantId))
    throw notFound(`Tenant ${tenantId} not found`);
  const match = loginKey(ctx, accessKey, now);
  if (!verifySecret(secret, match?.hash) || !match) {
    ctx.throttle.recordFailure(accessKey, address, now);
    throw unauthorized(BAD_CREDENTIALS);
  }
  const { key } = match;
  if (tenantId !== undefined && key.tenant_id !== tenantId)
    throw notFound(`Tenant ${tenantId} not found`);
  const refused = refusal(key, accessKey, now);
  if (refused) throw unauthorized(refused);
  ctx.throttle.recordSuccess(accessKey);
  const tenant = ctx.tenants.get(key.tenant_id);
  if (!tenant) throw new Error('key without tenant');
  const refresh = issue(ctx, key, accessKey, 'refresh', now);
  ctx.db.transaction(() => {
    recordRefreshToken(ctx.db, refresh.jti, key.user_id, refresh.claims.exp * 1000);
    touchLastAccess(ctx.db, key.user_id, now);
  });
  return {
    json_web_token: issue(ctx, key, accessKey, 'access', now).token,
    token: refresh.token,
    user_id: actingUserId(key),
    tenant_id: key.tenant_id,
    principal_id: accessKey,
    tenant_name: tenant.name,
  };
}
