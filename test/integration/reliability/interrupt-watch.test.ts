import { afterEach, describe, expect, it } from 'vitest';
import { watchInterrupt } from '../../../src/cli/runtime/interrupt.js';
import { Interrupt, interruptOf, ownSignal } from '../../../src/core/interrupt.js';

/** The run-wide signal handler, driven by emitting the process's own signal events. */

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

  it('SIGTERM and SIGHUP abort the same way, the Interrupt naming the signal', () => {
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
      const { w, calls } = watch();
      process.emit(signal, signal);
      expect(w.signal.aborted).toBe(true);
      expect((w.signal.reason as Interrupt).signal).toBe(signal);
      expect((w.signal.reason as Interrupt).message).toBe(`interrupted by ${signal}`);
      process.emit('SIGINT', 'SIGINT');
      expect(calls).toEqual(['giveUp']);
      w.release();
    }
  });

  it('an owner of one signal leaves the others to the watch', () => {
    const { w } = watch();
    const owner = ownSignal(() => {});
    process.on('SIGTERM', owner);
    cleanups.push(() => process.off('SIGTERM', owner));
    process.emit('SIGTERM', 'SIGTERM');
    expect(w.signal.aborted).toBe(false);
    process.emit('SIGHUP', 'SIGHUP');
    expect((w.signal.reason as Interrupt).signal).toBe('SIGHUP');
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

  it('release removes the handlers and the pending give-up', () => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const before = signals.map((s) => process.listenerCount(s));
    const { w } = watch();
    expect(signals.map((s) => process.listenerCount(s))).toEqual(before.map((n) => n + 1));
    w.release();
    expect(signals.map((s) => process.listenerCount(s))).toEqual(before);
  });

  it('interruptOf finds the Interrupt in a cause chain', () => {
    const reason = new Interrupt();
    expect(interruptOf(new TypeError('fetch failed', { cause: reason }))).toBe(reason);
    expect(interruptOf(new Error('other'))).toBeUndefined();
  });
});
