import type { Env } from '../../../../core/env.js';
import type { GlobalOptions } from '../../../runtime/global-options.js';

/** Which profile commands use in this shell, and why. */
export interface ActiveProfile {
  name: string | undefined;
  /** `flag`/`env`: named for this run; `file`: the default; `environment credentials`: none. */
  reason: 'flag' | 'env' | 'file' | 'env-credentials' | 'none';
}

/**
 * The profile in force, by the precedence of `resolveSettings` (config/resolve.ts), without
 * validating anything: listing profiles must work even when a variable is wrong.
 */
export function activeProfile(
  globals: GlobalOptions,
  env: Env,
  current: string | undefined,
): ActiveProfile {
  if (globals.profile !== undefined) return { name: globals.profile, reason: 'flag' };
  if (env.HELIXCTL_PROFILE) return { name: env.HELIXCTL_PROFILE, reason: 'env' };
  if (envCredentials(env)) return { name: undefined, reason: 'env-credentials' };
  return current === undefined
    ? { name: undefined, reason: 'none' }
    : { name: current, reason: 'file' };
}

/** Complete credentials in the environment take over from the default profile. */
export function envCredentials(env: Env): boolean {
  return Boolean(env.HELIX_CREDENTIAL || (env.HELIX_ACCESS_KEY && env.HELIX_SECRET_KEY));
}
