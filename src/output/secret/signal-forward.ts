import type { ChildProcess } from 'node:child_process';
import { ownSignal } from '../../core/interrupt.js';

/**
 * While the child runs: SIGTERM/SIGHUP (sent to us alone, by a supervisor or a closing
 * terminal) are passed on, so the child can shut down and we report its code; SIGINT from
 * the terminal already reaches the child through the process group, so we only stay alive
 * to report its exit code instead of dying first.
 * Returns the function that removes the handlers once the child is gone.
 */
export function forwardSignals(child: ChildProcess): () => void {
  // Marked: the run-wide signal handler (src/cli/runtime/interrupt.ts) must not abort us meanwhile.
  const forward = ownSignal((signal: NodeJS.Signals) => void child.kill(signal));
  const ignore = ownSignal(() => {});
  process.on('SIGTERM', forward);
  process.on('SIGHUP', forward);
  process.on('SIGINT', ignore);
  return () => {
    process.off('SIGTERM', forward);
    process.off('SIGHUP', forward);
    process.off('SIGINT', ignore);
  };
}
