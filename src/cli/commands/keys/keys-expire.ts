import type { CommandContext } from '../../context.js';
import type { KeysExpireOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysExpire(
  _options: KeysExpireOptions,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('keys expire: not implemented yet');
}
