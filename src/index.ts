/**
 * The package's library entry (`import … from 'helixctl'`): the typed IMS client the CLI uses,
 * without the CLI's config files, prompts or output. Importing it starts nothing and prints
 * nothing; ky is loaded by the first request.
 */
import { createImsClient, type ImsClient, type ImsClientOptions } from './api/client.js';
import type { LoginCredential } from './api/session-types.js';

/** Everything createClient takes besides the URL and the credential; all optional. */
export type ClientOptions = Omit<ImsClientOptions, 'baseUrl' | 'credential'>;

/**
 * A client for the IMS API of one portal (`https://<tenant>.onbmc.com`, or an emulator's URL)
 * that logs in with an access key. Nothing is sent until a method is called; the tokens stay
 * in memory unless `options.tokenStore` keeps them elsewhere.
 *
 * @throws UsageError when the URL is not an http(s) URL.
 */
export function createClient(
  url: string,
  credential: LoginCredential,
  options: ClientOptions = {},
): ImsClient {
  return createImsClient({ ...options, baseUrl: url, credential });
}

export type { ImsClient } from './api/client.js';
export type { DirectoryApi } from './api/directory.js';
export type { FetchLike, TraceEvent } from './api/http.js';
export type { KeyWritesApi } from './api/key-writes.js';
export type { KeyReadsApi, KeysApi } from './api/keys.js';
export type { MutationOptions } from './api/list-call.js';
export type {
  CachedTokens,
  LoginCredential,
  LoginInfo,
  TokenStore,
} from './api/session-types.js';
export { type Credential, formatCredential, parseCredential } from './core/credential.js';
export {
  AuthError,
  CancelledError,
  HelixError,
  type HelixErrorOptions,
  InputNeededError,
  isHelixError,
  NotFoundError,
  PartialFailureError,
  PermissionError,
  RuleError,
  ServiceError,
  UsageError,
} from './core/errors.js';
export { ExitCode } from './core/exit-codes.js';
export * from './wire/types.js';
