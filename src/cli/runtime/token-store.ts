import { jwtExpiryMs } from '../../api/jwt.js';
import type { CachedTokens as ApiTokens, TokenStore } from '../../api/session-types.js';
import {
  loadTokens,
  removeTokens,
  saveTokens,
  type TokenIdentity,
} from '../../config/token-cache.js';

const REFRESH_LIFETIME_MS = 24 * 3_600_000;

/**
 * Bridges the client's token store to tokens.json. The refresh token's expiry comes from its
 * `exp` when it is a JWT; an opaque one is assumed to live the documented 24 hours.
 */
export function fileTokenStore(dir: string, identity: TokenIdentity, now: () => Date): TokenStore {
  return {
    async load() {
      const cached = await loadTokens(dir, identity);
      if (!cached || Date.parse(cached.refresh_expires_at) <= now().getTime()) return undefined;
      return {
        accessKey: identity.accessKey,
        jwt: cached.json_web_token,
        refreshToken: cached.token,
      };
    },
    async save(tokens: ApiTokens) {
      const at = now();
      const jwtExp = jwtExpiryMs(tokens.jwt) ?? at.getTime();
      const refreshExp = jwtExpiryMs(tokens.refreshToken) ?? at.getTime() + REFRESH_LIFETIME_MS;
      await saveTokens(
        dir,
        identity,
        {
          json_web_token: tokens.jwt,
          token: tokens.refreshToken,
          jwt_expires_at: new Date(jwtExp).toISOString(),
          refresh_expires_at: new Date(refreshExp).toISOString(),
        },
        at,
      );
    },
    async clear() {
      await removeTokens(dir, identity);
    },
  };
}
