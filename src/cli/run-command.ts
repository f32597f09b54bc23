import type { Command } from 'commander';
import type { Io } from '../output/io.js';
import { resolveOutputMode } from '../output/mode.js';
import { createPrinter, type Printer } from '../output/printer.js';
import { createContext } from './context.js';
import type { CommandId } from './dispatch.js';
import { type GlobalOptions, readGlobalOptions } from './global-options.js';
import type { RunState } from './run-state.js';

export interface RunCommandInput {
  id: CommandId;
  options: unknown;
  command: Command;
  io: Io;
  state: RunState;
  now?: (() => Date) | undefined;
}

/** Production dispatch: printer and context from the global options, then the lazy body. */
export async function runCommand(input: RunCommandInput): Promise<void> {
  const { io, state } = input;
  const globals = readGlobalOptions(input.command);
  const printer = makePrinter(io, globals);
  Object.assign(state, { globals, printer });
  const ctx = createContext({ io, printer, globals, ...(input.now ? { now: input.now } : {}) });
  const { loadCommand } = await import('./commands/index.js');
  const body = await loadCommand(input.id);
  try {
    state.exitCode = (await body(input.options as never, ctx)) ?? 0;
  } finally {
    await ctx.closeConnection();
  }
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
