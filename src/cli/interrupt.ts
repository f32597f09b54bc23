import { Interrupt, isSignalOwner } from '../core/interrupt.js';

/** How long the command gets to end by itself once its requests and prompt are aborted. */
const GRACE_MS = 2_000;

export interface InterruptWatch {
  /** Aborted (reason: an Interrupt) on the first SIGINT nobody else owns. */
  readonly signal: AbortSignal;
  release(): void;
}

/**
 * Turns SIGINT during a command into an abort: requests reject, a prompt closes, and the body
 * ends through the usual error path (one `error:` line, exit 130, "the outcome is unknown"
 * for a change in flight). Should the body not end within a grace period (a file being
 * written, an in-process call), or at a second SIGINT, `giveUp` ends the process. While a
 * listener marked with `ownSignal` is registered (an `--exec` child, a bulk rotation,
 * `serve`), SIGINT is left to it.
 */
export function watchInterrupt(giveUp: () => void, graceMs = GRACE_MS): InterruptWatch {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const handler = (): void => {
    if (process.listeners('SIGINT').some((l) => l !== handler && isSignalOwner(l))) return;
    if (controller.signal.aborted) {
      giveUp();
      return;
    }
    controller.abort(new Interrupt('SIGINT'));
    // Not unref'd: a body waiting on nothing (a prompt that missed the abort) must still end.
    timer = setTimeout(giveUp, graceMs);
  };
  process.on('SIGINT', handler);
  return {
    signal: controller.signal,
    release() {
      process.off('SIGINT', handler);
      clearTimeout(timer);
    },
  };
}
