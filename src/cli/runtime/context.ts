import type { LoadedSettings } from '../../config/load-settings.js';
import type { Env } from '../../core/env.js';
import type { Io } from '../../output/io.js';
import type { Printer } from '../../output/printer.js';
import type { Prompter } from '../../output/prompts.js';
import type { Connection } from './connection.js';
import type { GlobalOptions } from './global-options.js';

/**
 * What a command body gets besides its options. Everything expensive (config files, the API
 * client, the emulator) is behind a memoised async getter, so a command pays only for what it
 * uses and `--help` pays for nothing.
 */
export interface CommandContext {
  readonly io: Io;
  readonly env: Env;
  readonly printer: Printer;
  readonly prompter: Prompter;
  readonly globals: GlobalOptions;
  /** A prompt may be shown: a TTY on both ends, no --no-input, not CI, not JSON. */
  readonly interactive: boolean;
  /** Aborted on Ctrl-C (reason: an `Interrupt`); requests and prompts already listen to it. */
  readonly signal: AbortSignal;
  now(): Date;
  /** The resolved settings (flags > env > files > defaults); warnings already printed. */
  settings(options?: { requireCredentials?: boolean }): Promise<LoadedSettings>;
  /** The authenticated API connection for the active profile. */
  connection(): Promise<Connection>;
  /** Closes the connection if one was opened (run.ts calls it after every command). */
  closeConnection(): Promise<void>;
}
