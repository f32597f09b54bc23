import { captureConsoleLog } from '../../../../output/capture-console.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { CompletionOptions } from './options.js';

/** The executable the scripts call on each Tab press (`helixctl complete -- <words>`). */
export const PROGRAM = 'helixctl';

/**
 * `helixctl completion bash|zsh|fish`: prints the completion script of @bomb.sh/tab (loaded
 * only here). The script calls `helixctl complete -- <words>` on every Tab press.
 */
export async function completion(options: CompletionOptions, ctx: CommandContext): Promise<number> {
  const { script } = await import('@bomb.sh/tab');
  ctx.printer.raw(captureConsoleLog(() => script(options.shell, PROGRAM, PROGRAM)));
  return 0;
}
