import type { LoginResponse } from '../../wire/types.js';
import { verifySecret } from '../crypto/secret-hash.js';
import { ApiError, badRequest, notFound, unauthorized } from '../model/api-error.js';
import type { JsonObject } from '../model/fields.js';
import { inGrace } from '../repos/key-record.js';
import {
  getKeyByAccessKey,
  getKeyByOldAccessKey,
  getKeyByUserId,
  type KeyRow,
  touchLastAccess,
} from '../repos/keys.js';
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
  if (tenantId !== undefined && match.key.tenant_id !== tenantId)
    throw notFound(`Tenant ${tenantId} not found`);
  const refused = refusal(match.key, accessKey, now);
  if (refused) throw unauthorized(refused);
  ctx.throttle.recordSuccess(accessKey);
  const key = recordLogin(ctx, match, accessKey, now);
  const tenant = ctx.tenants.get(key.tenant_id);
  if (!tenant) throw new Error('key without tenant');
  return {
    json_web_token: issue(ctx, key, accessKey, 'access', now).token,
    token: key.refreshToken,
    user_id: actingUserId(key),
    tenant_id: key.tenant_id,
    principal_id: accessKey,
    tenant_name: tenant.name,
  };
}

/**
 * Records the refresh token and `last_access` on the committed row. Another process may have
 * deleted the key, regenerated its secret (revoking refresh tokens) or deactivated it since
 * the secret was checked: then the login fails instead of leaving a live refresh token for a
 * secret that no longer exists.
 */
function recordLogin(
  ctx: EmulatorContext,
  match: { key: KeyRow; hash: string },
  accessKey: string,
  now: number,
): KeyRow & { refreshToken: string } {
  return ctx.db.transaction(() => {
    const fresh = getKeyByUserId(ctx.db, match.key.user_id);
    const hash = fresh?.access_key === accessKey ? fresh.secret_hash : fresh?.old_secret_hash;
    if (!fresh || hash !== match.hash) throw unauthorized(BAD_CREDENTIALS);
    const refused = refusal(fresh, accessKey, now);
    if (refused) throw unauthorized(refused);
    const refresh = issue(ctx, fresh, accessKey, 'refresh', now);
    recordRefreshToken(ctx.db, refresh.jti, fresh.user_id, refresh.claims.exp * 1000);
    touchLastAccess(ctx.db, fresh.user_id, now);
    return { ...fresh, refreshToken: refresh.token };
  });
}
