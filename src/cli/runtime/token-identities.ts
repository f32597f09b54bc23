import { LOCAL_PROFILE, type Profile } from '../../config/profile-schema.js';
import type { Settings } from '../../config/settings.js';
import {
  loadTokens,
  removeTokens,
  type TokenIdentity,
  tokenCacheKey,
} from '../../config/token-cache.js';
import { LOCAL_ORIGIN } from './local-emulator.js';

/**
 * Every identity a profile's tokens may be cached under: its stored URL, tenant and key (the
 * in-process origin for `local`), and the effective ones of this run when `--url`,
 * `--tenant` or the environment overrode them. Duplicates are dropped.
 */
export function tokenIdentities(
  name: string,
  stored: Profile | undefined,
  settings?: Settings,
): TokenIdentity[] {
  const found = new Map<string, TokenIdentity>();
  const add = (url: string | undefined, tenantId: string | undefined, key: string | undefined) => {
    if (url === undefined || key === undefined) return;
    const identity = { url, tenantId: tenantId ?? '', accessKey: key };
    found.set(tokenCacheKey(identity), identity);
  };
  const local = name === LOCAL_PROFILE;
  if (stored) add(local ? LOCAL_ORIGIN : stored.url, stored.tenant_id, stored.access_key);
  if (settings) {
    const url = settings.mode === 'local' ? LOCAL_ORIGIN : settings.url.value;
    add(url, settings.tenantId.value, settings.accessKey.value);
  }
  return [...found.values()];
}

/** Which of the identities have cached tokens. */
export async function cachedIdentities(
  dir: string,
  ids: TokenIdentity[],
): Promise<TokenIdentity[]> {
  const present = await Promise.all(
    ids.map(async (id) => (await loadTokens(dir, id)) !== undefined),
  );
  return ids.filter((_, index) => present[index]);
}

/** Removes the identities' cached tokens; true when any were there. */
export async function forgetTokens(dir: string, ids: TokenIdentity[]): Promise<boolean> {
  let removed = false;
  for (const id of ids) removed = (await removeTokens(dir, id)) || removed;
  return removed;
}
