import type { CommandContext } from '../../context.js';
import type { KeysCopyOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysCopy(_options: KeysCopyOptions, _ctx: CommandContext): Promise<number> {
  throw new Error('keys copy: not implemented yet');
}
