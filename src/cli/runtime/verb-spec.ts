import type { Command } from 'commander';
import type { Dispatch, LoadBody } from './dispatch.js';

/** What a verb's registration needs besides its parent command. */
export interface RegisterDeps {
  dispatch: Dispatch;
  /** The words after `--exec --`, cut from argv before commander sees them. */
  execTail?: string[] | undefined;
}

/** Hands a verb's typed options to the dispatch, with the verb's words and body loader. */
export type RunVerb<O> = (options: O, command: Command) => Promise<void>;

/** One verb: its words and how it adds itself (options, help, action) to its parent. */
export interface VerbSpec {
  readonly words: string;
  register(parent: Command, deps: RegisterDeps): void;
}

/**
 * A verb whose action builds options of type O and calls `run(options, cmd)`: the body that
 * `load` returns takes the same O, so the options and the body cannot drift apart.
 */
export function defineVerb<O>(
  words: string,
  load: LoadBody<O>,
  register: (parent: Command, run: RunVerb<O>, deps: RegisterDeps) => void,
): VerbSpec {
  return {
    words,
    register: (parent, deps) =>
      register(parent, (options, command) => deps.dispatch(words, options, command, load), deps),
  };
}
