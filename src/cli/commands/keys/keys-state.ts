import type { CommandContext } from '../../context.js';
import type { KeysStateOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function keysActivate(
  _options: KeysStateOptions,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('keys activate: not implemented yet');
}

// STUB(phase 2)
export async function keysDeactivate(
  _options: KeysStateOptions,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('keys deactivate: not implemented yet');
}
