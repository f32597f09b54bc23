import { afterEach, describe, expect, it } from 'vitest';
import { watchInterrupt } from '../../../src/cli/interrupt.js';
import { Interrupt, interruptOf, ownSignal } from '../../../src/core/interrupt.js';

/** The run-wide SIGINT handler, driven by emitting the process's own 'SIGINT' event. */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function watch(graceMs = 60_000) {
  const calls: string[] = [];
  const w = watchInterrupt(() => void calls.push('giveUp'), graceMs);
  cleanups.push(w.release);
  return { w, calls };
}

describe('watchInterrupt', () => {
  it('aborts its signal with an Interrupt on the first SIGINT, gives up on the second', () => {
    const { w, calls } = watch();
    process.emit('SIGINT', 'SIGINT');
    expect(w.signal.aborted).toBe(true);
    expect(w.signal.reason).toBeInstanceOf(Interrupt);
    expect(calls).toEqual([]);
    process.emit('SIGINT', 'SIGINT');
    expect(calls).toEqual(['giveUp']);
  });

  it('gives up when the command has not ended within the grace period', async () => {
    let gaveUp: () => void = () => {};
    const ended = new Promise<void>((resolve) => {
      gaveUp = resolve;
    });
    const w = watchInterrupt(() => gaveUp(), 10);
    cleanups.push(w.release);
    process.emit('SIGINT', 'SIGINT');
    await ended;
    expect(w.signal.aborted).toBe(true);
  });

  it('stands aside while a listener marked with ownSignal is registered', () => {
    const { w, calls } = watch();
    const owner = ownSignal(() => {});
    process.on('SIGINT', owner);
    cleanups.push(() => process.off('SIGINT', owner));
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGINT', 'SIGINT');
    expect(w.signal.aborted).toBe(false);
    expect(calls).toEqual([]);
    process.off('SIGINT', owner);
    process.emit('SIGINT', 'SIGINT');
    expect(w.signal.aborted).toBe(true);
  });

  it('release removes the handler and the pending give-up', () => {
    const before = process.listenerCount('SIGINT');
    const { w } = watch();
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    w.release();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  it('interruptOf finds the Interrupt in a cause chain', () => {
    const reason = new Interrupt();
    expect(interruptOf(new TypeError('fetch failed', { cause: reason }))).toBe(reason);
    expect(interruptOf(new Error('other'))).toBeUndefined();
  });
});
