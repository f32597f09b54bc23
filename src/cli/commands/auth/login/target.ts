import { LOCAL_PROFILE, validateProfileName } from '../../../../config/profile-schema.js';
import { UsageError } from '../../../../core/errors.js';
import type { CommandContext } from '../../../runtime/context.js';

/** The profile `login` saves, and whether the user named it on the command line. */
export interface LoginTarget {
  name: string;
  /** Named with `--profile`: such a login also makes it the default profile. */
  explicit: boolean;
}

/** The profile saved when none is named. */
export const DEFAULT_PROFILE = 'default';

/**
 * `--profile`, else `HELIXCTL_PROFILE`, else `default`. The built-in `local` profile is
 * refused: it logs itself in to the in-process emulator.
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
  if (name === LOCAL_PROFILE) {
    throw new UsageError('the local profile needs no login: it is the built-in emulator', {
      hint: 'use it directly, e.g. helixctl --profile local whoami; or log in to a portal with another --profile',
    });
  }
  return { name, explicit: flag !== undefined };
}
