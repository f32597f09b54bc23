import { type JwtClaims, newJti, signJwt, type TokenUse, verifyJwt } from '../crypto/jwt.js';
import { badRequest, unauthorized } from '../model/api-error.js';
import { getKeyByUserId, type KeyRow } from '../repos/keys.js';
import { refreshTokenLive } from '../repos/tokens.js';
import type { EmulatorContext } from './context.js';
import { refusal } from './key-usable.js';

/** Signs an access or refresh JWT for `key` (as `principalId`) under its tenant's secret. */
export function issue(
  ctx: EmulatorContext,
  key: KeyRow,
  principalId: string,
  use: TokenUse,
  now: number,
) {
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
