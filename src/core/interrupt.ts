/**
 * Ctrl-C while a command runs, or SIGTERM/SIGHUP (a CI job cancelled, a terminal closed).
 * The CLI turns the signal into the abort of one AbortSignal whose
 * reason is an `Interrupt`: requests in flight reject with it (the HTTP layer maps it to exit
 * 130, saying when a change may have happened anyway) and an open prompt closes.
 *
 * Code that takes SIGINT over for a while (an `--exec` child, a bulk rotation, `serve`) marks
 * its listener with `ownSignal`; the run-wide handler then stands aside.
 */
export class Interrupt extends Error {
  constructor(readonly signal = 'SIGINT') {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupt';
  }
}

/** "interrupted", naming the signal when it was not a Ctrl-C (a supervisor's SIGTERM...). */
export function interruptedWord(signal: string): string {
  return signal === 'SIGINT' ? 'interrupted' : `interrupted by ${signal}`;
}

// A registered symbol: the mark survives module duplication (dist and src loaded together).
const OWNER = Symbol.for('helixctl.signal-owner');

/** Marks `listener` as the one handling its signal while it is registered. */
export function ownSignal<T extends object>(listener: T): T {
  Object.defineProperty(listener, OWNER, { value: true });
  return listener;
}

export function isSignalOwner(listener: unknown): boolean {
  return typeof listener === 'function' && OWNER in listener;
}

/** The Interrupt an error is, or carries as its cause (fetch wraps abort reasons sometimes). */
export function interruptOf(error: unknown, depth = 0): Interrupt | undefined {
  if (error instanceof Interrupt) return error;
  if (depth > 3 || !(error instanceof Error)) return undefined;
  return interruptOf(error.cause, depth + 1);
}
