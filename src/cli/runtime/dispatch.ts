import type { Command } from 'commander';
import type { CommandContext } from './context.js';

/** A command body: typed options in, optional exit code out. It never exits the process. */
export type CommandBody<O> = (options: O, ctx: CommandContext) => Promise<number | undefined>;

/**
 * Loads a verb's body by dynamic import, so start-up imports none of them and the bundle
 * (scripts/bundle.js) keeps each in its own chunk.
 */
export type LoadBody<O> = () => Promise<CommandBody<O>>;

/**
 * Called by the commander wiring with parsed, typed options. Production dispatch loads the
 * body and runs it; the parse-layer tests pass one that records the call.
 */
export type Dispatch = <O>(
  words: string,
  options: O,
  command: Command,
  load: LoadBody<O>,
) => Promise<void>;
