import { ownSignal } from '../../../../core/interrupt.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While a bulk rotation runs, the first Ctrl-C (or SIGTERM/SIGHUP) only asks it to stop
 * starting new keys: rotations in progress finish and deliver their secrets, which would
 * otherwise be lost with the process. A second signal ends the process the default way.
 * Returns the function that removes the handlers.
 */
export function stopOnSignal(onStop: (signal: NodeJS.Signals) => void): () => void {
  let received = false;
  // Marked, so that the run-wide Ctrl-C handler leaves the first signal to us.
  const handler = ownSignal((signal: NodeJS.Signals) => {
    if (!received) {
      received = true;
      onStop(signal);
      return;
    }
    release();
    process.kill(process.pid, signal);
  });
  const release = () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return release;
}
