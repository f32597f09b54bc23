/**
 * The emulator's notion of now, in epoch ms. The system clock follows real time (optionally
 * shifted to start at a given instant); the test clock is frozen and moves only when told to,
 * so tests of expiry, token lifetimes and throttling windows are exact.
 */
export interface EmulatorClock {
  now(): number;
  /** True for the test clock: only then may `set`/`advance` be called. */
  readonly adjustable: boolean;
  /** Bumped on every move, so that work keyed on time (the expiry sweep) reruns. */
  readonly generation: number;
  set(ms: number): void;
  advance(ms: number): void;
}

export interface ClockOptions {
  testClock?: boolean | undefined;
  /** Initial time; defaults to the real time. */
  now?: Date | number | undefined;
}

export function createClock(options: ClockOptions = {}): EmulatorClock {
  const start = options.now === undefined ? Date.now() : Number(options.now);
  if (!Number.isFinite(start)) throw new RangeError('clock: invalid initial time');
  if (options.testClock) return frozenClock(start);
  const offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    adjustable: false,
    generation: 0,
    set() {
      throw new Error('the system clock cannot be moved: start the emulator with a test clock');
    },
    advance() {
      throw new Error('the system clock cannot be moved: start the emulator with a test clock');
    },
  };
}

function frozenClock(start: number): EmulatorClock {
  let current = start;
  let generation = 0;
  return {
    now: () => current,
    adjustable: true,
    get generation() {
      return generation;
    },
    set(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('clock: invalid time');
      current = Math.trunc(ms);
      generation += 1;
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('clock: invalid duration');
      current += Math.trunc(ms);
      generation += 1;
    },
  };
}
