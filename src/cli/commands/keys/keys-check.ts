import type { CommandContext } from '../../context.js';
import type { KeysCheckOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysCheck(_options: KeysCheckOptions, _ctx: CommandContext): Promise<number> {
  throw new Error('keys check: not implemented yet');
}
