import { run } from './run.js';

/**
 * Entry point used by bin/helixctl.js: returns the exit code instead of exiting. (A bare
 * `--version` never gets here: the shim answers it without loading dist/.)
 */
export async function main(argv: readonly string[]): Promise<number> {
  return run(argv, { interrupts: true });
}
