import type { LoginResponse } from '../../api/types.js';
import { type JwtClaims, newJti, signJwt, type TokenUse, verifyJwt } from '../crypto/jwt.js';
import { verifySecret } from '../crypto/secret-hash.js';
import { ApiError, badRequest, notFound, unauthorized } from '../http/api-error.js';
import type { JsonObject } from '../http/body.js';
import { permissionSet } from '../repos/assignments.js';
import { inGrace } from '../repos/key-record.js';
import {
  getKeyByAccessKey,
  getKeyByOldAccessKey,
  getKeyByUserId,
  isExpired,
  type KeyRow,
  touchLastAccess,
} from '../repos/keys.js';
import { recordRefreshToken, refreshTokenLive } from '../repos/tokens.js';
import { actingUserId, type Caller, makeCaller } from './caller.js';
import type { EmulatorContext } from './context.js';

const BAD_CREDENTIALS = 'Invalid access key or secret key';

/** Why a key may not be used right now (login, refresh, or any authenticated call). */
function refusal(key: KeyRow, principalId: string, now: number): string | undefined {
  if (
    principalId !== key.access_key &&
    !(principalId === key.old_access_key && inGrace(key, now))
  ) {
    return 'Access key was rotated and its grace period has ended';
  }
  if (key.status !== 'ACTIVE') return 'Access key is inactive';
  if (isExpired(key, now)) return 'Access key is expired';
  return undefined;
}

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
    recordRefreshToken(ctx.db, refresh.jti, key.user_id, (refresh.claims.exp ?? 0) * 1000);
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

function issue(ctx: EmulatorContext, key: KeyRow, principalId: string, use: TokenUse, now: number) {
  const iat = Math.floor(now / 1000);
  const ttl = use === 'access' ? ctx.tokenTtl.accessSeconds : ctx.tokenTtl.refreshSeconds;
  const claims: JwtClaims = {
    sub: key.user_id,
    tenant_id: key.tenant_id,
    principal_id: principalId,
    type: 'API',
    token_use: use,
    iat,
    exp: iat + ttl,
    jti: newJti(),
  };
  const secret = ctx.tenants.secretOf(key.tenant_id);
  if (secret === undefined) throw new Error('key without tenant');
  return { token: signJwt(claims, secret), jti: claims.jti, claims };
}

/** `POST /auth/tokens`: a fresh access JWT for a live, recorded refresh token. */
export function refresh(ctx: EmulatorContext, token: unknown): { json_web_token: string } {
  const invalid = unauthorized('Refresh token is invalid or expired');
  if (typeof token !== 'string' || token === '') throw badRequest('token is required');
  const now = ctx.clock.now();
  const result = verifyJwt(token, ctx.tenants.secretOf, now, 'refresh');
  if (!result.ok) throw invalid;
  const { claims } = result;
  const key = getKeyByUserId(ctx.db, claims.sub);
  if (
    !key ||
    key.tenant_id !== claims.tenant_id ||
    !refreshTokenLive(ctx.db, claims.jti, key.user_id)
  ) {
    throw invalid;
  }
  const refused = refusal(key, claims.principal_id, now);
  if (refused) throw unauthorized(refused);
  return { json_web_token: issue(ctx, key, claims.principal_id, 'access', now).token };
}

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
