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
    if (held && refreshUsable(held.refreshToken, this.#options.now())) {
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
      await this.#keep(json_web_token, token);
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
