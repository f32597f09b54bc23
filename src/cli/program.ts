import { nouns } from './commands/index.js';
import { Command } from './runtime/commander.js';
import type { Dispatch } from './runtime/dispatch.js';
import { addGlobalOptions } from './runtime/global-options.js';
import type { VerbSpec } from './runtime/verb-spec.js';

export interface ProgramDeps {
  dispatch: Dispatch;
  version: string;
  /** The words after `--exec --`, cut from argv before commander sees them. */
  execTail?: string[] | undefined;
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
  /**
   * The verbs of lazily loaded groups, by group word (`keys`). run() loads them only when the
   * command line names the group: without them it is a bare group, which is all the top-level
   * help and the other commands need, and start-up skips the largest part of the tree.
   */
  loadedVerbs?: Readonly<Record<string, readonly VerbSpec[]>> | undefined;
  /** Terminal width for help text; undefined when not a terminal. */
  helpWidth?: number | undefined;
}

/**
 * The command tree. Building it imports no command body (those load on dispatch), and the
 * verbs of a lazy group only when `deps.loadedVerbs` has them.
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
    .showSuggestionAfterError(true)
    // Every command's help lists the options it inherits (--json, --profile, --yes...) under
    // "Global Options:" (docs/cli-contract.md §2): they work after any verb.
    .configureHelp({ showGlobalOptions: true });
  program
    .description('Manage BMC Helix Portal access keys (IMS API) and run a local emulator.')
    .version(deps.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command');
  addGlobalOptions(program);
  const registerDeps = { dispatch: deps.dispatch, execTail: deps.execTail };
  for (const noun of nouns) {
    const group = noun.group;
    const parent = group ? program.command(group.name).description(group.description) : program;
    const verbs = noun.verbs ?? (group ? deps.loadedVerbs?.[group.name] : undefined) ?? [];
    for (const verb of verbs) verb.register(parent, registerDeps);
  }
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

/**
 * Loads the verbs of each lazy group that `args` names, or of every lazy group when `args` is
 * undefined (shell completion walks the whole tree).
 */
export async function loadVerbs(
  args?: readonly string[],
): Promise<Record<string, readonly VerbSpec[]>> {
  const loaded: Record<string, readonly VerbSpec[]> = {};
  for (const { group, loadVerbs: load } of nouns) {
    if (group && load && (args === undefined || args.includes(group.name))) {
      loaded[group.name] = await load();
    }
  }
  return loaded;
}
