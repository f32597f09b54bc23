import type { CommandContext } from '../../context.js';
import type { KeyRefOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysPermissions(
  _options: KeyRefOptions,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('keys permissions: not implemented yet');
}
