import type { Command } from 'commander';
import { AuthError, CancelledError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import type { Io } from '../../output/io.js';
import { resolveOutputMode } from '../../output/mode.js';
import { printError } from '../../output/print-error.js';
import { createPrinter, type Printer } from '../../output/printer.js';
import { stdoutOutcomeError } from '../../output/secret/undelivered.js';
import { createContext } from './create-context.js';
import type { LoadBody } from './dispatch.js';
import { type GlobalOptions, readGlobalOptions } from './global-options.js';
import { watchInterrupt } from './interrupt.js';
// Loaded with the command, not when it fails: after a prompt closed by Ctrl-D nothing keeps
// Node's event loop alive, and a dynamic import of the error report would never finish (the
// process would exit 0, silently). run.ts's later `import('./report.js')` is then a cache hit.
import './report.js';
import type { RunState } from './run-state.js';
import { staleCredentialError } from './stale-credential.js';

export interface RunCommandInput<O> {
  /** The verb's body loader, from its registration. */
  load: LoadBody<O>;
  options: O;
  command: Command;
  io: Io;
  state: RunState;
  now?: (() => Date) | undefined;
  /** Watch SIGINT: abort requests and prompts, exit 130 (the real process only). */
  interrupts: boolean;
}

/** Production dispatch: printer and context from the global options, then the lazy body. */
export async function runCommand<O>(input: RunCommandInput<O>): Promise<void> {
  const { io, state } = input;
  const globals = readGlobalOptions(input.command);
  const printer = makePrinter(io, globals);
  Object.assign(state, { globals, printer });
  const watch = input.interrupts ? watchInterrupt(() => giveUp(printer, globals)) : undefined;
  const ctx = createContext({
    io,
    printer,
    globals,
    signal: watch?.signal,
    ...(input.now ? { now: input.now } : {}),
  });
  try {
    const body = await input.load();
    state.exitCode = (await body(input.options, ctx)) ?? 0;
  } catch (error) {
    throw await staleHint(error, ctx);
  } finally {
    await ctx.closeConnection();
    watch?.release();
  }
  // Only now is it known whether stdout took every byte (a secret on it depends on that).
  const failure = stdoutOutcomeError(await printer.settle());
  if (
    failure !== undefined &&
    (state.exitCode === 0 || failure.exitCode === ExitCode.PARTIAL_FAILURE)
  )
    throw failure;
}

/** A 401 for a stored secret gets the hint that works for its profile (stale-credential.ts). */
async function staleHint(error: unknown, ctx: ReturnType<typeof createContext>): Promise<unknown> {
  if (!(error instanceof AuthError) || error.status !== 401) return error;
  const loaded = await ctx.settings().catch(() => undefined);
  return staleCredentialError(error, loaded?.settings);
}

/**
 * A second Ctrl-C, or a body that did not end after the first: say so and leave now. The
 * one place besides bin/ that ends the process, because the body is stuck by definition.
 */
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
