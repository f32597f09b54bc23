import type { CommandContext } from '../../context.js';
import type { KeysRotateOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysRotate(
  _options: KeysRotateOptions,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('keys rotate: not implemented yet');
}
