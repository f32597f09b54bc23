import type { CommandContext } from '../../context.js';
import type { KeysAssignOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysAssign(
  _options: KeysAssignOptions,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('keys assign: not implemented yet');
}
