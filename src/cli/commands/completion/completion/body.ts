import { captureConsoleLog } from '../../../../output/capture-console.js';
import type { CommandContext } from '../../../runtime/context.js';
import { bashScript } from './bash.js';
import type { CompletionOptions } from './options.js';

/** The executable the scripts call on each Tab press (`helixctl complete -- <words>`). */
export const PROGRAM = 'helixctl';

/**
 * `helixctl completion bash|zsh|fish|powershell`: prints the completion script. bash's is
 * ours (bash.ts); the others are @bomb.sh/tab's (loaded only here). Every script calls
 * `helixctl complete -- <words>` on each Tab press.
 */
export async function completion(options: CompletionOptions, ctx: CommandContext): Promise<number> {
  ctx.printer.raw(await completionScript(options.shell));
  return 0;
}

export async function completionScript(shell: CompletionOptions['shell']): Promise<string> {
  if (shell === 'bash') return bashScript(PROGRAM);
  const { script } = await import('@bomb.sh/tab');
  const text = captureConsoleLog(() => script(shell, PROGRAM, PROGRAM));
  // A completer for an external program (not a cmdlet's parameter) is registered with
  // -Native; its script block gets ($WordToComplete, $CommandAst, $CursorPosition).
  return shell === 'powershell'
    ? text.replace(
        'Register-ArgumentCompleter -CommandName',
        'Register-ArgumentCompleter -Native -CommandName',
      )
    : text;
}
