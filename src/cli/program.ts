import { registerAuth } from './commands/auth/login/register.js';
import { registerCompletion } from './commands/completion/completion/register.js';
import type { registerKeyVerbs } from './commands/keys/register.js';
import { registerProfiles } from './commands/profiles/list/register.js';
import { registerServe } from './commands/serve/serve/register.js';
import type { Dispatch } from './dispatch.js';
import { Command } from './runtime/commander.js';
import { addGlobalOptions } from './runtime/global-options.js';

export interface ProgramDeps {
  dispatch: Dispatch;
  version: string;
  /** The words after `--exec --`, cut from argv before commander sees them. */
  execTail?: string[] | undefined;
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
  /**
   * Adds the `keys` verbs (`registerKeyVerbs`). run() passes it only when the command line
   * names `keys`: without it `keys` is a bare group, which is all the top-level help and the
   * other commands need, and start-up skips the largest part of the tree.
   */
  registerKeyVerbs?: typeof registerKeyVerbs | undefined;
  /** Terminal width for help text; undefined when not a terminal. */
  helpWidth?: number | undefined;
}

/**
 * The command tree. Building it imports no command body (those load on dispatch), and the
 * `keys` verbs only when `deps.registerKeyVerbs` is given.
 */
export function createProgram(deps: ProgramDeps): Command {
  const program = new Command('helixctl');
  // Must precede .command(): commander copies these settings to subcommands at creation.
  program
    .exitOverride()
    .configureOutput({
      writeOut: deps.writeOut,
      writeErr: deps.writeErr,
      outputError: () => {},
      // Help wraps to the terminal, or to 80 columns when piped (stable for scripts and tests).
      getOutHelpWidth: () => deps.helpWidth ?? 80,
      getErrHelpWidth: () => deps.helpWidth ?? 80,
    })
    .showSuggestionAfterError(true);
  program
    .description('Manage BMC Helix Portal access keys (IMS API) and run a local emulator.')
    .version(deps.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command');
  addGlobalOptions(program);
  registerAuth(program, deps.dispatch);
  registerProfiles(program, deps.dispatch);
  const keys = program.command('keys').description('manage access keys');
  deps.registerKeyVerbs?.(keys, deps.dispatch, deps.execTail);
  registerServe(program, deps.dispatch);
  registerCompletion(program, deps.dispatch);
  program.addHelpText(
    'after',
    [
      '',
      'Start with the built-in emulator, no account needed:',
      '  $ helixctl --profile local keys add demo --expires 30d',
      '  $ helixctl --profile local keys list',
      '',
      'Exit codes: 0 ok, 2 usage, 3 not authenticated, 4 forbidden, 5 not found, 6 refused,',
      '7 network/service, 8 input needed, 9 partial failure, 10 keys expiring, 130 cancelled.',
      '',
    ].join('\n'),
  );
  return program;
}

/**
 * `--exec -- cmd args…` hands everything after `--` to the child process. Cut it off before
 * parsing so that commander never treats the child's words as our arguments.
 */
export function splitExecTail(argv: readonly string[]): { args: string[]; execTail?: string[] } {
  const exec = argv.indexOf('--exec');
  const dashes = argv.indexOf('--');
  if (exec === -1 || dashes === -1 || dashes < exec) return { args: [...argv] };
  return { args: argv.slice(0, dashes), execTail: argv.slice(dashes + 1) };
}
