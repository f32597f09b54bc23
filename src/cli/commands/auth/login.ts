import type { CommandContext } from '../../context.js';
import type { LoginOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function login(_options: LoginOptions, _ctx: CommandContext): Promise<number> {
  throw new Error('login: not implemented yet');
}
