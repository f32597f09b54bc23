import { AuthError } from '../core/errors.js';
import type { Http } from './http.js';
import { jwtExpiryMs } from './jwt.js';
import { callLogin, callRefresh } from './login-call.js';
import type { CachedTokens, Credential, LoginInfo, Session, TokenStore } from './session-types.js';

export type { CachedTokens, Credential, LoginInfo, Session, TokenStore } from './session-types.js';

/** Refresh this long before the JWT's `exp`, so a call never starts with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

export interface SessionOptions {
  http: Http;
  credential: Credential;
  tokenStore?: TokenStore | undefined;
  now: () => Date;
}

interface Held {
  jwt: string;
  /** Undefined when the JWT has no readable `exp`: used until the service says 401. */
  jwtExpires: number | undefined;
  refreshToken: string;
}

/**
 * Authentication for one credential. Token work (load, refresh, login) runs one at a time:
 * concurrent callers queue behind the first and find its fresh token, so a burst of
 * parallel calls (bulk rotation) logs in once.
 */
export function createSession(options: SessionOptions): Session {
  const { http, credential, tokenStore, now } = options;
  let held: Held | undefined;
  let loaded = tokenStore === undefined;
  let queue: Promise<void> | undefined;

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = (queue ?? Promise.resolve()).then(work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queue = settled;
    void settled.then(() => {
      if (queue === settled) queue = undefined;
    });
    return run;
  };

  const isFresh = (h: Held): boolean =>
    h.jwtExpires === undefined || h.jwtExpires - now().getTime() >= REFRESH_MARGIN_MS;

  const keep = async (jwt: string, refreshToken: string): Promise<string> => {
    held = { jwt, jwtExpires: jwtExpiryMs(jwt), refreshToken };
    const tokens: CachedTokens = { accessKey: credential.accessKey, jwt, refreshToken };
    // The cache only spares a login next time: failing to write it must not fail the call.
    await tokenStore?.save(tokens).catch(() => undefined);
    return jwt;
  };

  const login = async (): Promise<LoginInfo> => {
    try {
      const { json_web_token, token, ...info } = await callLogin(http, credential);
      await keep(json_web_token, token);
      return info;
    } catch (error) {
      if (error instanceof AuthError) {
        held = undefined;
        await tokenStore?.clear().catch(() => undefined);
      }
      throw error;
    }
  };

  const load = async (): Promise<void> => {
    loaded = true;
    const cached = await tokenStore?.load().catch(() => undefined);
    if (cached?.accessKey !== credential.accessKey) return;
    held = {
      jwt: cached.jwt,
      jwtExpires: jwtExpiryMs(cached.jwt),
      refreshToken: cached.refreshToken,
    };
  };

  const obtain = async (): Promise<string> => {
    if (!loaded) await load();
    if (held && isFresh(held)) return held.jwt;
    if (held && refreshUsable(held.refreshToken, now())) {
      const jwt = await callRefresh(http, held.refreshToken);
      if (jwt) return keep(jwt, held.refreshToken);
    }
    await login();
    if (!held) throw new AuthError('login failed: no token was returned');
    return held.jwt;
  };

  const accessToken = (): Promise<string> => {
    if (loaded && !queue && held && isFresh(held)) return Promise.resolve(held.jwt);
    return exclusive(obtain);
  };

  return {
    login: () => exclusive(login),
    accessToken,
    async authorized<T>(call: (token: string) => Promise<T>): Promise<T> {
      const first = await accessToken();
      try {
        return await call(first);
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
      }
      // Only the token that was refused is dropped: a parallel caller may have renewed it.
      if (held?.jwt === first) held = { ...held, jwtExpires: 0 };
      const second = await accessToken();
      try {
        return await call(second);
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
        throw new AuthError(
          `not authenticated: the service refused a fresh token (${error.message})`,
          {
            status: 401,
            hint: 'the key may be inactive, expired or deleted; `helixctl login` stores another',
          },
        );
      }
    },
    tokens: () =>
      held && { accessKey: credential.accessKey, jwt: held.jwt, refreshToken: held.refreshToken },
  };
}

function isUnauthorized(error: unknown): error is AuthError {
  return error instanceof AuthError && error.status === 401;
}

/** A refresh token that is a JWT past its `exp` is not worth a round trip. */
function refreshUsable(refreshToken: string, now: Date): boolean {
  const expires = jwtExpiryMs(refreshToken);
  return expires === undefined || expires - now.getTime() > 5_000;
}
