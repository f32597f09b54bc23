import { processIo, writeStdout } from '../output/io.js';
import { readVersion } from './version.js';

/**
 * Entry point used by bin/helixctl.js: returns the exit code instead of exiting. A bare
 * `--version` (or `-V`) prints what commander would print, without loading commander or
 * building the command tree: it is the most common probe of an installed CLI.
 */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    writeStdout(processIo(), `${readVersion()}\n`);
    return 0;
  }
  const { run } = await import('./run.js');
  return run(argv);
}
