import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { CancelledError, UsageError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { type Io, processIo, writeStderr, writeStdout } from '../output/io.js';
import { resolveOutputMode } from '../output/mode.js';
import { printError } from '../output/print-error.js';
import { createPrinter, type Printer } from '../output/printer.js';
import { createContext } from './context.js';
import type { Dispatch } from './dispatch.js';
import { type GlobalOptions, readGlobalOptions } from './global-options.js';
import { watchInterrupt } from './interrupt.js';
import { createProgram, splitExecTail } from './program.js';

export interface RunDeps {
  io?: Io;
  now?: () => Date;
  /** Replaces the lazy body loader: the parse-layer tests record calls instead. */
  dispatch?: Dispatch;
  /** Handle SIGINT (the real process only: bin/helixctl.js through main.ts). */
  interrupts?: boolean;
}

/** Runs one command line and returns its exit code. The only place errors become exit codes. */
export async function run(argv: readonly string[], deps: RunDeps = {}): Promise<number> {
  const io = deps.io ?? processIo();
  // Each Tab press runs `helixctl complete -- <words>`: answer it before building anything.
  if (argv[0] === 'complete') {
    const { runComplete } = await import('./commands/completion/complete.js');
    return runComplete(argv.slice(1), io);
  }
  const state: { exitCode: number; globals?: GlobalOptions; printer?: Printer } = { exitCode: 0 };
  const dispatch: Dispatch =
    deps.dispatch ??
    (async (id, options, command) => {
      const globals = readGlobalOptions(command);
      const printer = makePrinter(io, globals);
      Object.assign(state, { globals, printer });
      const watch = deps.interrupts ? watchInterrupt(() => giveUp(printer, globals)) : undefined;
      const ctx = createContext({
        io,
        printer,
        globals,
        signal: watch?.signal,
        ...(deps.now ? { now: deps.now } : {}),
      });
      try {
        const { loadCommand } = await import('./commands/index.js');
        const body = await loadCommand(id);
        state.exitCode = (await body(options as never, ctx)) ?? 0;
      } finally {
        await ctx.closeConnection();
        watch?.release();
      }
    });
  const { args, execTail } = splitExecTail(argv);
  const program = createProgram({
    dispatch,
    version: readVersion(),
    execTail,
    writeOut: (text) => writeStdout(io, text),
    writeErr: (text) => writeStderr(io, text),
  });
  if (args.length === 0) {
    program.outputHelp();
    return ExitCode.OK;
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return report(error, io, state, args);
  }
}

function report(
  error: unknown,
  io: Io,
  state: { globals?: GlobalOptions; printer?: Printer },
  args: string[],
): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
      return ExitCode.OK;
    // `helixctl keys` without a verb: commander already printed the help on stderr.
    if (error.code === 'commander.help') return ExitCode.USAGE;
    error = commanderToUsage(error);
  }
  const json =
    state.globals?.json ??
    (args.includes('--json') || /^-o\s*json|--output[= ]json/.test(args.join(' ')));
  const debug = (state.globals?.debug ?? args.includes('--debug')) || io.env.HELIXCTL_DEBUG === '1';
  return printError(state.printer ?? io, error, {
    json,
    debug,
    noColor: args.includes('--no-color'),
  });
}

/** `error: unknown option '--fo'\n(Did you mean --for?)` becomes a message and a hint. */
function commanderToUsage(error: CommanderError): UsageError {
  const [first = error.message, ...rest] = error.message.replace(/^error:\s*/, '').split('\n');
  const hint = rest
    .join(' ')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  return new UsageError(first.trim(), { hint: hint || 'see --help', code: 'USAGE' });
}

/** A second Ctrl-C, or a body that did not end after the first: say so and leave now. */
function giveUp(printer: Printer, globals: GlobalOptions): void {
  const code = printError(printer, new CancelledError('interrupted'), {
    json: globals.json,
    debug: false,
  });
  process.exit(code);
}

function makePrinter(io: Io, globals: GlobalOptions): Printer {
  const mode = resolveOutputMode({
    json: globals.json,
    output: globals.output,
    env: io.env,
    stdoutIsTTY: io.stdout.isTTY === true,
  });
  return createPrinter({
    io,
    mode,
    noColor: !globals.color,
    quiet: globals.quiet,
    debug: globals.debug || io.env.HELIXCTL_DEBUG === '1',
  });
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}
