import type { CommandContext } from '../../context.js';
import type { KeysAddOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysAdd(_options: KeysAddOptions, _ctx: CommandContext): Promise<number> {
  throw new Error('keys add: not implemented yet');
}
