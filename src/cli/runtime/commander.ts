import { createRequire } from 'node:module';
import type * as Commander from 'commander';

/**
 * commander's classes, loaded with `require`: commander is CommonJS, and importing it as an ES
 * module goes through its ESM wrapper and Node's scan of the CommonJS source for export names,
 * ~6% of `helixctl --help`. Same module instance either way (one require cache), so
 * `instanceof` holds across both. Types still come from `import type ... from 'commander'`.
 */
const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const Command: typeof Commander.Command = commander.Command;
export type Command = Commander.Command;
export const CommanderError: typeof Commander.CommanderError = commander.CommanderError;
export type CommanderError = Commander.CommanderError;
export const InvalidArgumentError: typeof Commander.InvalidArgumentError =
  commander.InvalidArgumentError;
