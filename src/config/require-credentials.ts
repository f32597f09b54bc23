import type { Env } from '../core/env.js';
import { AuthError, UsageError } from '../core/errors.js';
import type { Settings } from './settings.js';

/**
 * Throws when the settings cannot log in: AuthError (exit 3) for no credentials at all, a
 * profile without its secret, or a key without its secret; UsageError when env credentials
 * lack a URL. The local profile needs nothing: it bootstraps itself.
 */
export function requireCredentials(settings: Settings, rawEnv: Env): void {
  if (settings.mode === 'local') return;
  if (settings.mode === 'none') {
    const partial = rawEnv.HELIX_ACCESS_KEY
      ? 'HELIX_ACCESS_KEY is set but HELIX_SECRET_KEY is not'
      : rawEnv.HELIX_SECRET_KEY
        ? 'HELIX_SECRET_KEY is set but HELIX_ACCESS_KEY is not'
        : 'not logged in: no profile and no credentials in the environment';
    throw new AuthError(partial, {
      hint: 'run: helixctl login, or use the built-in emulator with: --profile local',
    });
  }
  if (settings.url.value === undefined) {
    throw new UsageError(
      'no portal URL: set HELIX_URL (or pass --url) with credentials from the environment',
    );
  }
  if (settings.secretKey.value === undefined) throw missingSecret(settings);
}

function missingSecret(settings: Settings): AuthError {
  const name = settings.profile.value ?? '';
  const { source } = settings.accessKey;
  if (source === 'file') {
    return new AuthError(`profile ${name} has no stored secret`, {
      hint: `log in again with: helixctl login --profile ${name}`,
    });
  }
  const from = source === 'flag' ? '--access-key' : 'HELIX_ACCESS_KEY';
  return new AuthError(`no secret key for the access key from ${from}`, {
    hint: 'set HELIX_SECRET_KEY, or HELIX_CREDENTIAL instead of both',
  });
}
