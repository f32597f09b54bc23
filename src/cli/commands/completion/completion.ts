import type { CommandContext } from '../../context.js';
import type { CompletionOptions } from './options.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function completion(
  _options: CompletionOptions,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('completion: not implemented yet');
}
