import type { CommandContext } from '../../context.js';
import type { ProfileNameOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function profilesRemove(
  _options: ProfileNameOptions,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('profiles remove: not implemented yet');
}
