import type { VerbSpec } from './verb-spec.js';

/** A noun of the command tree: a group word with its verbs, or verbs at the top level. */
export interface NounSpec {
  /** The group (`keys`); undefined for top-level words (`login`, `serve`). */
  readonly group?: { readonly name: string; readonly description: string };
  /** The verbs, in help order. */
  readonly verbs?: readonly VerbSpec[];
  /**
   * Instead of `verbs`: loaded only when the command line names the group, since the group
   * bare is all the top-level help and the other commands need.
   */
  readonly loadVerbs?: () => Promise<readonly VerbSpec[]>;
}
