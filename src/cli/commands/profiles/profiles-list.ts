import type { CommandContext } from '../../context.js';

// STUB(phase 2): replaced by the real body; `grep -r STUB src` must be empty before release.
export async function profilesList(
  _options: Record<string, never>,
  _ctx: CommandContext,
): Promise<number> {
  throw new Error('profiles list: not implemented yet');
}
