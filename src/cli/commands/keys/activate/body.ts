import type { CommandContext } from '../../../runtime/context.js';
import type { KeysStateOptions } from '../shared/key-state-options.js';
import { setKeyStatus } from '../shared/set-key-status.js';

/** `keys activate <key>`: switches a key back on (a no-op when it is on). */
export function keysActivate(options: KeysStateOptions, ctx: CommandContext): Promise<number> {
  return setKeyStatus('ACTIVE', options, ctx);
}
