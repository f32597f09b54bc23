import { imsPaths } from '../wire/paths.js';
import type { UserInfo } from '../wire/types.js';
import { type DirectoryApi, directoryApi } from './directory.js';
import { createHttp, type FetchLike, type TraceEvent } from './http.js';
import { type KeysApi, keysApi } from './keys.js';
import type { Call } from './list-call.js';
import { createSession } from './session.js';
import type { CachedTokens, LoginCredential, LoginInfo, TokenStore } from './session-types.js';

export interface ImsClientOptions {
  /** Portal URL, e.g. `https://tenant.onbmc.com` (paths are appended). */
  baseUrl: string;
  credential: LoginCredential;
  /** Injected fetch: the `local` profile passes the in-process emulator's. */
  fetch?: FetchLike | undefined;
  /** Per try; default 30 s. */
  timeoutMs?: number | undefined;
  tokenStore?: TokenStore | undefined;
  /** One event per try, for `--debug`. */
  onTrace?: ((event: TraceEvent) => void) | undefined;
  now?: (() => Date) | undefined;
  /** Default `helixctl node/<version>`. */
  userAgent?: string | undefined;
  /** Aborts every request (Ctrl-C): see HttpOptions.signal. */
  signal?: AbortSignal | undefined;
}

export interface ImsClient extends KeysApi, DirectoryApi {
  /** Logs in now (`POST /access_keys/login`), ignoring any cached token. */
  login(): Promise<LoginInfo>;
  userinfo(): Promise<UserInfo>;
  /** A fresh login with another credential (no cache), then `userinfo` with its token. */
  verifyCredential(credential: LoginCredential): Promise<UserInfo>;
  /** The tokens held now, for `helixctl login` to save once userinfo succeeded. */
  tokens(): CachedTokens | undefined;
}

/** The typed IMS API client. Nothing is sent (and ky is not loaded) until a method is called. */
export function createImsClient(options: ImsClientOptions): ImsClient {
  const http = createHttp({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
    userAgent: options.userAgent ?? `helixctl node/${process.versions.node}`,
    onTrace: options.onTrace,
    signal: options.signal,
  });
  const now = options.now ?? (() => new Date());
  const session = createSession({
    http,
    credential: options.credential,
    tokenStore: options.tokenStore,
    now,
  });
  const call: Call = (request) =>
    session.authorized((token) => http.request({ ...request, token }));
  return {
    ...keysApi(call),
    ...directoryApi(call),
    login: () => session.login(),
    userinfo: () => call<UserInfo>({ method: 'GET', path: imsPaths.userinfo, answer: 'userInfo' }),
    verifyCredential: (credential) => {
      const probe = createSession({ http, credential, now });
      return probe.authorized((token) =>
        http.request<UserInfo>({
          method: 'GET',
          path: imsPaths.userinfo,
          token,
          answer: 'userInfo',
        }),
      );
    },
    tokens: () => session.tokens(),
  };
}
