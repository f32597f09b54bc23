import type { LoadedSettings } from '../../config/load-settings.js';
import type { Io } from '../../output/io.js';
import { isInteractive, isJsonMode } from '../../output/mode.js';
import type { Printer } from '../../output/printer.js';
import { createPrompter } from '../../output/prompts.js';
import type { Connection } from './connection.js';
import type { CommandContext } from './context.js';
import type { GlobalOptions } from './global-options.js';

export interface ContextDeps {
  io: Io;
  printer: Printer;
  globals: GlobalOptions;
  now?: () => Date;
  /** The run's interrupt signal (src/cli/runtime/interrupt.ts); never aborted when absent. */
  signal?: AbortSignal | undefined;
}

export function createContext(deps: ContextDeps): CommandContext {
  const { io, printer, globals } = deps;
  const env = io.env;
  const interactive = isInteractive({
    noInput: !globals.input,
    jsonMode: isJsonMode(printer.mode),
    env,
    stdinTTY: io.stdin.isTTY === true,
    stdoutTTY: io.stdout.isTTY === true,
  });
  const signal = deps.signal ?? new AbortController().signal;
  const prompter = createPrompter({
    io,
    interactive,
    yes: globals.yes,
    color: printer.stderrChalk.level > 0,
    interrupt: signal,
  });
  let settings: Promise<LoadedSettings> | undefined;
  let connection: Promise<Connection> | undefined;
  const ctx: CommandContext = {
    io,
    env,
    printer,
    prompter,
    globals,
    interactive,
    signal,
    now: deps.now ?? (() => new Date()),
    settings(options = {}) {
      // Only `login` asks without credentials; it never also asks for a connection.
      settings ??= loadAndWarn(ctx, options.requireCredentials ?? true);
      return settings;
    },
    connection() {
      connection ??= import('./connect.js').then((m) => m.connect(ctx));
      return connection;
    },
    async closeConnection() {
      if (connection) await (await connection.catch(() => undefined))?.close();
    },
  };
  return ctx;
}

async function loadAndWarn(
  ctx: CommandContext,
  requireCredentials: boolean,
): Promise<LoadedSettings> {
  const { loadSettings } = await import('../../config/load-settings.js');
  const g = ctx.globals;
  const loaded = await loadSettings({
    flags: {
      profile: g.profile,
      url: g.url,
      tenant: g.tenant,
      output: g.output,
      json: g.json,
      timeout: g.timeout,
    },
    env: ctx.env,
    stdoutIsTty: ctx.io.stdout.isTTY === true,
    requireCredentials,
  });
  for (const warning of loaded.warnings) ctx.printer.warn(warning);
  return loaded;
}
