import { validateProfileName } from '../../../../config/profile-schema.js';
import type { CommandContext } from '../../../runtime/context.js';

/** The profile `login` saves, and whether the user named it on the command line. */
export interface LoginTarget {
  name: string;
}

/** The profile saved when none is named. */
export const DEFAULT_PROFILE = 'default';

/**
 * `--profile`, else `HELIXCTL_PROFILE`, else `default`. For the built-in `local` profile,
 * login re-issues the emulator's administrator credential instead (local-reissue.ts).
 */
export function loginTarget(ctx: CommandContext): LoginTarget {
  const flag = ctx.globals.profile;
  const fromEnv = ctx.env.HELIXCTL_PROFILE || undefined;
  const name =
    flag !== undefined
      ? validateProfileName(flag, '--profile value')
      : fromEnv !== undefined
        ? validateProfileName(fromEnv, 'HELIXCTL_PROFILE value')
        : DEFAULT_PROFILE;
  return { name };
}
