import { Interrupt, isSignalOwner } from '../../core/interrupt.js';

/** How long the command gets to end by itself once its requests and prompt are aborted. */
const GRACE_MS = 2_000;

export interface InterruptWatch {
  /** Aborted (reason: an Interrupt) on the first signal nobody else owns. */
  readonly signal: AbortSignal;
  release(): void;
}

/** Ctrl-C, and what a supervisor or a closing terminal sends: all end a command the same way. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Turns SIGINT, SIGTERM or SIGHUP during a command into an abort: requests reject, a prompt
 * closes, and the body ends through the usual error path (one `error:` line, exit 130, "the
 * outcome is unknown" for a change in flight), so a cancelled CI job still says what may have
 * happened, and a secret already generated is still delivered. Should the body not end within
 * a grace period (a file being written, an in-process call), or at a second signal, `giveUp`
 * ends the process. While a listener marked with `ownSignal` is registered for that signal (an
 * `--exec` child, a bulk rotation, `serve`), the signal is left to it.
 */
export function watchInterrupt(giveUp: () => void, graceMs = GRACE_MS): InterruptWatch {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    if (process.listeners(signal).some((l) => l !== handler && isSignalOwner(l))) return;
    if (controller.signal.aborted) {
      giveUp();
      return;
    }
    controller.abort(new Interrupt(signal));
    // Not unref'd: a body waiting on nothing (a prompt that missed the abort) must still end.
    timer = setTimeout(giveUp, graceMs);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return {
    signal: controller.signal,
    release() {
      for (const signal of SIGNALS) process.off(signal, handler);
      clearTimeout(timer);
    },
  };
}
