import type { CachedTokens } from '../../../../api/session-types.js';
import { withConfigLock } from '../../../../config/config-lock.js';
import { saveSecret } from '../../../../config/credentials.js';
import type { Profile } from '../../../../config/profile-schema.js';
import { saveProfile, setCurrentProfile } from '../../../../config/profiles.js';
import { removeTokens, type TokenIdentity, tokenCacheKey } from '../../../../config/token-cache.js';
import type { Redacted } from '../../../../core/redacted.js';
import { fileTokenStore } from '../../../runtime/token-store.js';
import { snapshotConfig } from './config-snapshot.js';

export interface LoginRecord {
  name: string;
  profile: Profile & { url: string };
  secret: Redacted;
  tokens: CachedTokens | undefined;
  makeCurrent: boolean;
  /** The profile as it was before this login, to drop the tokens of a replaced key. */
  previous: Profile | undefined;
}

/**
 * Saves a verified login: the secret (credentials.json), the tokens (tokens.json), the
 * profile (config.json) and, when asked, `current_profile`. All or nothing: when any write
 * fails, the three files are put back as they were when this save took the config lock, and
 * the error is rethrown.
 */
export async function saveLogin(dir: string, record: LoginRecord, now: () => Date): Promise<void> {
  const identity: TokenIdentity = {
    url: record.profile.url,
    tenantId: record.profile.tenant_id,
    accessKey: record.profile.access_key,
  };
  // One lock around the snapshot, the writes and any rollback: another helixctl's writes can
  // neither land between them nor be undone by this rollback.
  await withConfigLock(dir, async () => {
    const snapshot = await snapshotConfig(dir);
    try {
      await saveSecret(dir, record.name, record.secret);
      if (record.tokens) await fileTokenStore(dir, identity, now).save(record.tokens);
      await saveProfile(dir, record.name, record.profile);
      if (record.makeCurrent) await setCurrentProfile(dir, record.name);
    } catch (error) {
      await snapshot.restore().catch(() => undefined);
      throw error;
    }
    await dropReplacedTokens(dir, record.previous, identity);
  });
}

/** A profile re-pointed at another URL, tenant or key leaves no orphan tokens behind. */
async function dropReplacedTokens(
  dir: string,
  previous: Profile | undefined,
  identity: TokenIdentity,
): Promise<void> {
  if (previous?.url === undefined) return;
  const old = { url: previous.url, tenantId: previous.tenant_id, accessKey: previous.access_key };
  if (tokenCacheKey(old) === tokenCacheKey(identity)) return;
  // Only a cache: failing to tidy it must not fail a login that is already saved.
  await removeTokens(dir, old).catch(() => undefined);
}
