import type { Credential } from '../core/credential.js';
import type { LoginResponse } from '../wire/types.js';

/**
 * A key credential as a login needs it: the tenant id may be unknown. The secret never leaves
 * the session except in the login body.
 */
export interface LoginCredential extends Omit<Credential, 'tenantId'> {
  /** Sent as `tenant_id` at login when known (a wrong one gives "tenant not found"). */
  tenantId?: string | undefined;
}

/** What the token cache holds. A cache written for another access key is ignored. */
export interface CachedTokens {
  accessKey: string;
  /** The access JWT (`json_web_token`, 15 min). */
  jwt: string;
  /** The refresh token (`token`, 24 h). */
  refreshToken: string;
}

/** Persistence of tokens between runs (src/config implements it over tokens.json). */
export interface TokenStore {
  load(): Promise<CachedTokens | undefined>;
  save(tokens: CachedTokens): Promise<void>;
  clear(): Promise<void>;
}

/** The login response without its tokens. */
export type LoginInfo = Omit<LoginResponse, 'json_web_token' | 'token'>;

export interface Session {
  /** Logs in now, whatever is cached, and keeps (and saves) the new tokens. */
  login(): Promise<LoginInfo>;
  /** A JWT good for at least 60 s more: cached, refreshed, or from a new login. */
  accessToken(): Promise<string>;
  /**
   * Runs a protected call. After a 401 it renews the token and runs the call once more (a
   * 401 means nothing was done, so this holds for POST too); a second 401 is an AuthError.
   */
  authorized<T>(call: (token: string) => Promise<T>): Promise<T>;
  /** The tokens held now, for a caller that persists them itself (`helixctl login`). */
  tokens(): CachedTokens | undefined;
}
