import { ExitCode } from '../core/exit-codes.js';
import { formatVersion } from '../core/version-text.js';
import { readVersionInfo } from '../output/build-info.js';
import { type Io, processIo, writeStderr, writeStdout } from '../output/io.js';
import { createProgram, loadVerbs, splitExecTail } from './program.js';
import { CommanderError } from './runtime/commander.js';
import type { Dispatch } from './runtime/dispatch.js';
import type { RunState } from './runtime/run-state.js';

const DONE = new Set(['commander.helpDisplayed', 'commander.version']);

export interface RunDeps {
  io?: Io;
  now?: () => Date;
  /** Replaces the lazy body loader: the parse-layer tests record calls instead. */
  dispatch?: Dispatch;
  /** Handle SIGINT (the real process only: bin/helixctl.js through main.ts). */
  interrupts?: boolean;
}

/**
 * Runs one command line and returns its exit code. The only place errors become exit codes.
 * Only commander and the command tree load up front: the printer, the context and the error
 * report load when a command runs or fails, so `--help` pays for neither.
 */
export async function run(argv: readonly string[], deps: RunDeps = {}): Promise<number> {
  const io = deps.io ?? processIo();
  // Each Tab press runs `helixctl complete -- <words>`: answer it before building anything.
  if (argv[0] === 'complete') {
    const { runComplete } = await import('./commands/completion/complete/complete.js');
    return runComplete(argv.slice(1), io, buildCompletionTree);
  }
  const state: RunState = { exitCode: 0 };
  const dispatch: Dispatch =
    deps.dispatch ??
    (async (_words, options, command, load) => {
      const { runCommand } = await import('./runtime/run-command.js');
      await runCommand({
        load,
        options,
        command,
        io,
        state,
        now: deps.now,
        interrupts: deps.interrupts === true,
      });
    });
  const { args, execTail } = splitExecTail(argv);
  const program = createProgram({
    loadedVerbs: await loadVerbs(args),
    dispatch,
    version: formatVersion(readVersionInfo()),
    execTail,
    writeOut: (text) => writeStdout(io, text),
    writeErr: (text) => writeStderr(io, text),
    helpWidth: io.stdout.isTTY ? io.stdout.columns : undefined,
  });
  if (args.length === 0) {
    program.outputHelp();
    return ExitCode.OK;
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    // Help and version were printed: a success that needs no error report loaded.
    if (error instanceof CommanderError && DONE.has(error.code)) return ExitCode.OK;
    const { report } = await import('./runtime/report.js');
    return report(error, io, state, args);
  }
}

/** The whole tree, lazy groups included, for shell completion to walk; it runs nothing. */
async function buildCompletionTree() {
  return createProgram({
    dispatch: async () => {},
    version: '0.0.0',
    writeOut: () => {},
    writeErr: () => {},
    loadedVerbs: await loadVerbs(),
  });
}
