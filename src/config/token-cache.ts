import { isHelixError } from '../core/errors.js';
import { configFiles } from './paths.js';
import { isRecord } from './profile-schema.js';
import { readSection, type SecretStoreFile, updateSection } from './secret-store.js';

/**
 * One identity's entry in tokens.json: the tokens a login or a refresh gave, with their expiry
 * times (RFC 3339 UTC, `…Z`). The client's own form is CachedTokens in src/api.
 */
export interface TokenCacheEntry {
  /** The access JWT (15 minutes). */
  json_web_token: string;
  /** The refresh token (24 hours). */
  token: string;
  jwt_expires_at: string;
  refresh_expires_at: string;
}

/** Whose tokens: the same key on two portals or tenants never shares a token. */
export interface TokenIdentity {
  url: string;
  tenantId: string;
  accessKey: string;
}

/** The cache key `${url}|${tenant}|${accessKey}` (URL without a trailing slash). */
export function tokenCacheKey({ url, tenantId, accessKey }: TokenIdentity): string {
  return `${url.replace(/\/+$/, '')}|${tenantId}|${accessKey}`;
}

function tokensFile(dir: string): SecretStoreFile {
  return { path: configFiles(dir).tokens, dir, label: 'token cache', section: 'tokens' };
}

/**
 * The cached tokens for an identity, or undefined. The cache is disposable: a corrupt or
 * hand-mangled tokens.json reads as empty (and is rewritten on the next save) instead of
 * blocking the command.
 */
export async function loadTokens(
  dir: string,
  identity: TokenIdentity,
): Promise<TokenCacheEntry | undefined> {
  const entry = (await readLenient(tokensFile(dir)))[tokenCacheKey(identity)];
  return isTokenCacheEntry(entry) ? entry : undefined;
}

/** Stores an identity's tokens; drops entries whose refresh token has expired by `now`. */
export async function saveTokens(
  dir: string,
  identity: TokenIdentity,
  tokens: TokenCacheEntry,
  now: Date,
): Promise<void> {
  const entry: TokenCacheEntry = {
    json_web_token: tokens.json_web_token,
    token: tokens.token,
    jwt_expires_at: tokens.jwt_expires_at,
    refresh_expires_at: tokens.refresh_expires_at,
  };
  await updateSection(
    tokensFile(dir),
    (map) => {
      for (const [key, value] of Object.entries(map)) {
        if (!isTokenCacheEntry(value) || !(Date.parse(value.refresh_expires_at) > now.getTime()))
          delete map[key];
      }
      map[tokenCacheKey(identity)] = entry;
    },
    readLenient,
  );
}

/** Forgets an identity's tokens. False when there were none (nothing is written then). */
export async function removeTokens(dir: string, identity: TokenIdentity): Promise<boolean> {
  const key = tokenCacheKey(identity);
  const file = tokensFile(dir);
  // Nothing to remove: nothing is created or written (checked again under the lock).
  if (!Object.hasOwn(await readLenient(file), key)) return false;
  return updateSection(
    file,
    (map) => {
      if (!Object.hasOwn(map, key)) return false;
      delete map[key];
      return true;
    },
    readLenient,
  );
}

async function readLenient(file: SecretStoreFile): Promise<Record<string, unknown>> {
  try {
    return await readSection(file);
  } catch (error) {
    if (isHelixError(error) && error.code === 'BAD_CONFIG_FILE') return Object.create(null);
    throw error;
  }
}

function isTokenCacheEntry(value: unknown): value is TokenCacheEntry {
  return (
    isRecord(value) &&
    ['json_web_token', 'token', 'jwt_expires_at', 'refresh_expires_at'].every(
      (field) => typeof value[field] === 'string',
    )
  );
}
