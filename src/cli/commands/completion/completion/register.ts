import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { type CompletionOptions, SHELLS } from './options.js';

const INSTALL = [
  '',
  'Load it in the current shell, or add the line to your shell start-up file:',
  '  bash        $ source <(helixctl completion bash)',
  '  zsh         $ source <(helixctl completion zsh)         (after compinit)',
  '  fish        $ helixctl completion fish | source',
  '  powershell  PS> helixctl completion powershell | Out-String | Invoke-Expression',
  '',
  'Tab completes commands, flags, flag values, and key names from the active profile.',
  '',
].join('\n');

/**
 * `completion <shell>`. The Tab presses themselves run `helixctl complete -- <words>`, which
 * run.ts handles before building anything (src/cli/commands/completion/complete/complete.ts).
 */
export const completionVerb = defineVerb<CompletionOptions>(
  'completion',
  () => import('./body.js').then((m) => m.completion),
  (parent, run) => {
    parent
      .command('completion')
      .addArgument(parent.createArgument('<shell>', 'the shell to complete in').choices(SHELLS))
      .description('print the shell completion script')
      .addHelpText('after', INSTALL)
      .action(async (shell: CompletionOptions['shell'], _o: unknown, cmd: Command) =>
        run({ shell }, cmd),
      );
  },
);
