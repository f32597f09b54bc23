import { configDir } from '../../../../config/paths.js';
import { validateProfileName } from '../../../../config/profile-schema.js';
import { loadProfiles } from '../../../../config/profiles.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { ProfileNameOptions } from './profile-name-options.js';

/** The profile named on the command line (validated first), the config folder and its profiles. */
export async function loadNamedProfile(options: ProfileNameOptions, ctx: CommandContext) {
  const name = validateProfileName(options.name);
  const dir = configDir(ctx.env);
  return { name, dir, file: await loadProfiles(dir) };
}
