import { AuthError } from '../core/errors.js';
import type { Http } from './http.js';
import { jwtExpiryMs } from './jwt.js';
import { callLogin, callRefresh } from './login-call.js';
import { SerialQueue } from './serial-queue.js';
import type {
  CachedTokens,
  LoginCredential,
  LoginInfo,
  Session,
  TokenStore,
} from './session-types.js';
import { JWT_SHAPE, TOKEN_SHAPE } from './token-shape.js';

/** Refresh this long before the JWT's `exp`, so a call never starts with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

export interface SessionOptions {
  http: Http;
  credential: LoginCredential;
  tokenStore?: TokenStore | undefined;
  now: () => Date;
}

interface Held {
  jwt: string;
  /** Undefined when the JWT has no readable `exp`: used until the service says 401. */
  jwtExpires: number | undefined;
  /** '' when the login answer had none: the JWT is used until it expires, then a new login. */
  refreshToken: string;
}

/**
 * Authentication for one credential. Token work (load, refresh, login) runs one at a time:
 * concurrent callers queue behind the first and find its fresh token, so a burst of
 * parallel calls (bulk rotation) logs in once.
 */
export function createSession(options: SessionOptions): Session {
  return new TokenSession(options);
}

class TokenSession implements Session {
  readonly #options: SessionOptions;
  readonly #queue = new SerialQueue();
  #held: Held | undefined;
  #loaded: boolean;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#loaded = options.tokenStore === undefined;
  }

  login(): Promise<LoginInfo> {
    return this.#queue.run(() => this.#login());
  }

  accessToken(): Promise<string> {
    const held = this.#held;
    if (this.#loaded && this.#queue.idle && held && this.#isFresh(held))
      return Promise.resolve(held.jwt);
    return this.#queue.run(() => this.#obtain());
  }

  async authorized<T>(call: (token: string) => Promise<T>): Promise<T> {
    const first = await this.accessToken();
    try {
      return await call(first);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
    }
    // Only the refused token is dropped: a parallel caller may already have renewed it.
    if (this.#held?.jwt === first) this.#held = { ...this.#held, jwtExpires: 0 };
    const second = await this.accessToken();
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
  }

  tokens(): CachedTokens | undefined {
    const held = this.#held;
    return (
      held && {
        accessKey: this.#options.credential.accessKey,
        jwt: held.jwt,
        refreshToken: held.refreshToken,
      }
    );
  }

  #isFresh(held: Held): boolean {
    return (
      held.jwtExpires === undefined ||
      held.jwtExpires - this.#options.now().getTime() >= REFRESH_MARGIN_MS
    );
  }

  async #obtain(): Promise<string> {
    if (!this.#loaded) await this.#load();
    const held = this.#held;
    if (held && this.#isFresh(held)) return held.jwt;
    if (held && held.refreshToken !== '' && refreshUsable(held.refreshToken, this.#options.now())) {
      const jwt = await callRefresh(this.#options.http, held.refreshToken);
      if (jwt) return this.#keep(jwt, held.refreshToken);
    }
    await this.#login();
    if (!this.#held) throw new AuthError('login failed: no token was returned');
    return this.#held.jwt;
  }

  async #login(): Promise<LoginInfo> {
    const { http, credential, tokenStore } = this.#options;
    try {
      const { json_web_token, token, ...info } = await callLogin(http, credential);
      // Only a refresh token in the answer (issue 12): its access JWT comes from auth/tokens.
      const jwt = json_web_token || (token ? await callRefresh(http, token) : undefined);
      if (!jwt) {
        throw new AuthError('login failed: the service refused the refresh token it just issued', {
          status: 401,
          hint: 'try again; if it persists, check the portal URL (--url)',
        });
      }
      await this.#keep(jwt, token || '');
      return info;
    } catch (error) {
      if (error instanceof AuthError) {
        this.#held = undefined;
        await tokenStore?.clear().catch(() => undefined);
      }
      throw error;
    }
  }

  async #load(): Promise<void> {
    this.#loaded = true;
    const cached = await this.#options.tokenStore?.load().catch(() => undefined);
    if (cached?.accessKey !== this.#options.credential.accessKey) return;
    // A token that a header cannot carry (CR, LF, spaces: a damaged cache) is ignored.
    if (!JWT_SHAPE.test(cached.jwt)) return;
    if (cached.refreshToken !== '' && !TOKEN_SHAPE.test(cached.refreshToken)) return;
    this.#held = {
      jwt: cached.jwt,
      jwtExpires: jwtExpiryMs(cached.jwt),
      refreshToken: cached.refreshToken,
    };
  }

  async #keep(jwt: string, refreshToken: string): Promise<string> {
    this.#held = { jwt, jwtExpires: jwtExpiryMs(jwt), refreshToken };
    const tokens: CachedTokens = {
      accessKey: this.#options.credential.accessKey,
      jwt,
      refreshToken,
    };
    // The cache only spares a login next time: failing to write it must not fail the call.
    await this.#options.tokenStore?.save(tokens).catch(() => undefined);
    return jwt;
  }
}

function isUnauthorized(error: unknown): error is AuthError {
  return error instanceof AuthError && error.status === 401;
}

/** A refresh token that is a JWT past its `exp` is not worth a round trip. */
function refreshUsable(refreshToken: string, now: Date): boolean {
  const expires = jwtExpiryMs(refreshToken);
  return expires === undefined || expires - now.getTime() > 5_000;
}
