import type { CommandContext } from '../../context.js';
import type { KeysDeleteOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysDelete(
  _options: KeysDeleteOptions,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('keys delete: not implemented yet');
}
