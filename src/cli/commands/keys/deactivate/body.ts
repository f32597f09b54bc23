import type { CommandContext } from '../../../runtime/context.js';
import type { KeysStateOptions } from '../shared/key-state-options.js';
import { setKeyStatus } from '../shared/set-key-status.js';

/** `keys deactivate <key>`: switches a key off without deleting it; asks first on a terminal. */
export function keysDeactivate(options: KeysStateOptions, ctx: CommandContext): Promise<number> {
  return setKeyStatus('INACTIVE', options, ctx);
}
