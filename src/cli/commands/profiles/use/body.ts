import { LOCAL_PROFILE } from '../../../../config/profile-schema.js';
import { setCurrentProfile } from '../../../../config/profiles.js';
import type { CommandContext } from '../../../runtime/context.js';
import { activeProfile } from '../shared/active-profile.js';
import { unknownProfile } from '../shared/known-profile.js';
import { loadNamedProfile } from '../shared/named-profile.js';
import type { ProfileNameOptions } from '../shared/profile-name-options.js';

/**
 * `helixctl profiles use <name>`: makes a stored profile (or the built-in `local`, which
 * needs no login) the default. Warns when `--profile`, HELIXCTL_PROFILE or credentials in the
 * environment override the default in this shell.
 */
export async function profilesUse(
  options: ProfileNameOptions,
  ctx: CommandContext,
): Promise<number> {
  const { name, dir, file } = await loadNamedProfile(options, ctx);
  if (name !== LOCAL_PROFILE && !Object.hasOwn(file.profiles, name))
    throw unknownProfile(name, file);
  const previous = file.current_profile;
  const changed = previous !== name;
  if (changed && !options.dryRun) await setCurrentProfile(dir, name);
  ctx.printer.result(
    () => {
      const common = { profile: name, previous: previous ?? null, changed };
      return options.dryRun ? { dry_run: true, action: 'profiles use', ...common } : common;
    },
    () => {
      if (options.dryRun) {
        const now = previous === undefined ? 'there is none now' : `now: ${previous}`;
        ctx.printer.info(
          `dry run: would make ${name} the default profile (${now}); nothing changed`,
        );
      } else if (changed) {
        ctx.printer.success(`${name} is now the default profile`);
      } else {
        ctx.printer.info(`${name} is already the default profile`);
      }
      warnOverride(ctx, name);
    },
  );
  return 0;
}

function warnOverride(ctx: CommandContext, name: string): void {
  const active = activeProfile(ctx.globals, ctx.env, name);
  if (active.reason === 'env' && active.name !== name) {
    ctx.printer.warn(
      `HELIXCTL_PROFILE=${active.name} is set: it takes precedence over the default in this shell`,
    );
  } else if (active.reason === 'env-credentials') {
    ctx.printer.warn(
      'credentials in the environment take precedence over the default profile in this shell',
    );
  }
}
