import { LOCAL_PROFILE } from '../../config/profile-schema.js';
import type { Settings } from '../../config/settings.js';
import { AuthError } from '../../core/errors.js';

/** Must match LOCAL_REISSUE_HINT (local-emulator.ts), kept here so no emulator code loads. */
const LOCAL_REISSUE =
  're-issue its administrator credential (no key is lost): helixctl login --profile local';

/**
 * A login refused (401) for a secret stored in credentials.json means the stored credential
 * is stale (its key was rotated, deactivated or deleted elsewhere): the hint names the way
 * back for that profile, `local` included, instead of the generic `helixctl login`.
 */
export function staleCredentialError(error: unknown, settings: Settings | undefined): unknown {
  if (!(error instanceof AuthError) || error.status !== 401 || settings === undefined) return error;
  if (settings.secretKey.source !== 'file') return error;
  const profile = settings.mode === 'local' ? LOCAL_PROFILE : settings.profile.value;
  if (profile === undefined) return error;
  const hint =
    profile === LOCAL_PROFILE
      ? `the stored credential of profile local no longer works: ${LOCAL_REISSUE}`
      : `the stored credential of profile ${profile} no longer works: helixctl login --profile ${profile}`;
  return new AuthError(error.message, { status: 401, code: error.code, hint, cause: error });
}
