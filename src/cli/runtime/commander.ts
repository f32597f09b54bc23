import type * as Commander from 'commander';
import {
  Command as CommanderCommand,
  CommanderError as CommanderCommanderError,
  InvalidArgumentError as CommanderInvalidArgumentError,
} from 'commander';

/**
 * commander's classes. scripts/bundle.js bundles commander into the start-up chunk (as
 * CommonJS wrapped in the chunk): one file where loading it through Node's CommonJS loader
 * resolved and read five, ~14% of `helixctl --help`'s CPU time on Node 20
 * (docs/performance.md). Unbundled (dist/, the library), Node loads it through its ES module
 * wrapper; either way there is one commander per process, so `instanceof` holds.
 */
export const Command: typeof Commander.Command = CommanderCommand;
export type Command = Commander.Command;
export const CommanderError: typeof Commander.CommanderError = CommanderCommanderError;
export type CommanderError = Commander.CommanderError;
export const InvalidArgumentError: typeof Commander.InvalidArgumentError =
  CommanderInvalidArgumentError;
