import type { Printer } from '../../output/printer.js';
import type { GlobalOptions } from './global-options.js';

/** What a run learned on its way, for the exit code and for reporting a failure. */
export interface RunState {
  exitCode: number;
  globals?: GlobalOptions;
  printer?: Printer;
}
