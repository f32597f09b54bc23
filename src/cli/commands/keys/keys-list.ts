import type { CommandContext } from '../../context.js';
import type { KeysListOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysList(_options: KeysListOptions, _ctx: CommandContext): Promise<number> {
  throw new Error('keys list: not implemented yet');
}
