import { saveSecret } from '../../../../config/credentials.js';
import { configDir } from '../../../../config/paths.js';
import { LOCAL_PROFILE } from '../../../../config/profile-schema.js';
import { getProfile, saveProfile } from '../../../../config/profiles.js';
import { removeTokens } from '../../../../config/token-cache.js';
import { RuleError } from '../../../../core/errors.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { LOCAL_ORIGIN, LOCAL_REISSUE_HINT } from '../../../runtime/local-emulator.js';

/**
 * "Rotating your own key keeps you logged in" (README, "Keys you log in with"): the rules
 * for commands that change the key the active profile (or `local`) itself logs in with.
 */

/** True when `accessKey` is the key this run logs in with. */
export function isOwnKey(conn: Connection, accessKey: string): boolean {
  return accessKey === conn.credential.accessKey;
}

/** The profile whose stored secret is this run's, or undefined when it came from elsewhere. */
function storedProfile(conn: Connection): string | undefined {
  if (conn.settings.secretKey.source !== 'file') return undefined;
  return conn.local ? LOCAL_PROFILE : conn.settings.profile.value;
}

/**
 * Call right after the service answered with the new secret of `oldAccessKey`, before
 * anything else can fail: when it is the caller's own key, the stored credential becomes
 * `fresh` (credentials.json, 0600, atomic; and the profile's access key when a successor key
 * replaced it), and the old identity's cached tokens are dropped. A credential from the
 * environment cannot be stored: one warning, and the secret goes to the sinks as usual.
 * Returns true when something was stored.
 */
export async function adoptOwnCredential(
  ctx: CommandContext,
  conn: Connection,
  oldAccessKey: string,
  fresh: { accessKey: string; secretKey: string },
): Promise<boolean> {
  if (!isOwnKey(conn, oldAccessKey)) return false;
  const profile = storedProfile(conn);
  if (profile === undefined) {
    ctx.printer.warn(
      `${oldAccessKey} is the key this run logs in with, from the ${conn.settings.secretKey.source === 'env' ? 'environment' : 'command line'}: nothing could be stored; use the new credential from where it was delivered`,
    );
    return false;
  }
  const dir = configDir(ctx.env);
  try {
    if (fresh.accessKey !== oldAccessKey) {
      const stored = await getProfile(dir, profile);
      if (stored !== undefined)
        await saveProfile(dir, profile, { ...stored, access_key: fresh.accessKey });
    }
    await saveSecret(dir, profile, fresh.secretKey);
  } catch (error) {
    // The secret still reaches its sinks; the user can store it from there.
    ctx.printer.warn(
      `could not store the new credential for profile ${profile} (${(error as Error).message.split('\n')[0]}); store the delivered one with: helixctl login --profile ${profile}`,
    );
    return false;
  }
  await removeTokens(dir, {
    url: conn.local ? LOCAL_ORIGIN : (conn.settings.url.value ?? ''),
    tenantId: conn.credential.tenantId ?? '',
    accessKey: oldAccessKey,
  }).catch(() => false);
  ctx.printer.info(
    fresh.accessKey === oldAccessKey
      ? `stored the new secret for profile ${profile}: it stays logged in`
      : `profile ${profile} now logs in with ${fresh.accessKey}`,
  );
  return true;
}

/**
 * Deactivating or deleting the key this run logs in with would leave the profile unable to
 * log in: refused (exit 6) with the reason, unless `--force`.
 */
export function refuseOwnKey(
  conn: Connection,
  record: AccessKeyRecord,
  action: 'deactivate' | 'delete',
  force: boolean,
): void {
  if (force || !isOwnKey(conn, record.access_key)) return;
  const who = conn.local
    ? 'profile local'
    : `profile ${conn.settings.profile.value ?? '(environment)'}`;
  const after = conn.local
    ? `; afterwards, ${LOCAL_REISSUE_HINT}`
    : `; afterwards log in with another key: helixctl login --profile ${conn.settings.profile.value ?? 'P'}`;
  throw new RuleError(
    `refusing to ${action} ${quoteForMessage(record.name)} (${record.access_key}): it is the key ${who} logs in with, and every later command would fail`,
    { hint: `pass --force to ${action} it anyway${after}` },
  );
}
