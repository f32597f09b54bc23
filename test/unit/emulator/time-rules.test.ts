import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/emulator/model/api-error.js';
import { createClock } from '../../../src/emulator/services/clock.js';
import { resolveExpiry } from '../../../src/emulator/services/expiry.js';
import { resolveRotation } from '../../../src/emulator/services/rotation.js';
import { LoginThrottle } from '../../../src/emulator/services/throttle.js';

const NOW = Date.parse('2020-10-23T10:24:17.187Z');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('expiry choices', () => {
  it('ends day presets at 23:59:59 UTC of now + N days (docs/ims-api.md §6)', () => {
    expect(iso(resolveExpiry('30 days', undefined, NOW).expiry_at)).toBe(
      '2020-11-22T23:59:59.000Z',
    );
    expect(iso(resolveExpiry('60 days', undefined, NOW).expiry_at)).toBe(
      '2020-12-22T23:59:59.000Z',
    );
    expect(iso(resolveExpiry('90 days', undefined, NOW).expiry_at)).toBe(
      '2021-01-21T23:59:59.000Z',
    );
  });

  it('never expires with the Never choice', () => {
    expect(resolveExpiry('Never expires (not recommended)', undefined, NOW)).toEqual({
      expiry_enum: 'Never expires (not recommended)',
      expiry_at: null,
    });
  });

  it('normalises a custom plain date to T23:59:59 and keeps a timestamp to the second', () => {
    expect(iso(resolveExpiry('Custom value', '2027-01-31', NOW).expiry_at)).toBe(
      '2027-01-31T23:59:59.000Z',
    );
    expect(iso(resolveExpiry('Custom value', '2027-01-31T12:00:00.900', NOW).expiry_at)).toBe(
      '2027-01-31T12:00:00.000Z',
    );
    expect(iso(resolveExpiry('Custom value', '2027-01-31T12:00:00+02:00', NOW).expiry_at)).toBe(
      '2027-01-31T10:00:00.000Z',
    );
  });

  it('refuses bad choices with 400s', () => {
    expect(refused(() => resolveExpiry('31 days', undefined, NOW))).toMatch(
      /^400 expiry_enum must be one of/,
    );
    expect(refused(() => resolveExpiry(undefined, undefined, NOW))).toMatch(/^400 expiry_enum/);
    expect(refused(() => resolveExpiry('Custom value', undefined, NOW))).toMatch(
      /^400 expiry_time is required/,
    );
    expect(refused(() => resolveExpiry('Custom value', '2027-02-31', NOW))).toMatch(
      /^400 expiry_time must be a date/,
    );
    // Today's date is still in the future until 23:59:59; yesterday is not.
    expect(iso(resolveExpiry('Custom value', '2020-10-23', NOW).expiry_at)).toBe(
      '2020-10-23T23:59:59.000Z',
    );
    expect(refused(() => resolveExpiry('Custom value', '2020-10-22', NOW))).toBe(
      '400 expiry_time must be in the future',
    );
    expect(refused(() => resolveExpiry('30 days', '2027-01-31', NOW))).toMatch(
      /^400 expiry_time is allowed only/,
    );
  });
});

describe('rotation schedules', () => {
  it('defaults to 30/15 and needs grace < period', () => {
    expect(resolveRotation({})).toEqual({
      never_rotate: false,
      rotation_period: 30,
      grace_period: 15,
    });
    expect(resolveRotation({ rotation_period: 10, grace_period: 9 })).toEqual({
      never_rotate: false,
      rotation_period: 10,
      grace_period: 9,
    });
    expect(refused(() => resolveRotation({ rotation_period: 10, grace_period: 10 }))).toBe(
      '400 grace_period must be shorter than rotation_period',
    );
    expect(refused(() => resolveRotation({ grace_period: 0 }))).toMatch(
      /^400 grace_period must be an integer/,
    );
    expect(refused(() => resolveRotation({ rotation_period: 1.5 }))).toMatch(
      /^400 rotation_period/,
    );
    expect(refused(() => resolveRotation({ every: 3 }))).toMatch(/^400 Unknown field/);
  });
});

describe('clocks', () => {
  it('freezes the test clock until moved', () => {
    const clock = createClock({ testClock: true, now: NOW });
    expect(clock.now()).toBe(NOW);
    clock.advance(1500);
    expect(clock.now()).toBe(NOW + 1500);
    clock.set(NOW);
    expect(clock.now()).toBe(NOW);
    expect(clock.generation).toBe(2);
  });

  it('refuses to move the system clock', () => {
    const clock = createClock({ now: NOW });
    expect(Math.abs(clock.now() - NOW)).toBeLessThan(60_000);
    expect(() => clock.advance(1)).toThrow(/test clock/);
  });
});

describe('login throttle', () => {
  it('blocks a key after 5 failures until the 60 s window ends', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 5; i += 1) {
      expect(throttle.retryAfter('K', `10.0.0.${i}`, NOW + i)).toBeUndefined();
      throttle.recordFailure('K', `10.0.0.${i}`, NOW + i);
    }
    expect(throttle.retryAfter('K', '10.9.9.9', NOW + 10)).toBe(60);
    expect(throttle.retryAfter('K', '10.9.9.9', NOW + 59_001)).toBe(1);
    expect(throttle.retryAfter('K', '10.9.9.9', NOW + 60_000)).toBeUndefined();
    expect(throttle.retryAfter('OTHER', '10.9.9.9', NOW + 10)).toBeUndefined();
  });

  it('blocks an address after 20 failures across keys', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 20; i += 1) throttle.recordFailure(`K${i}`, 'addr', NOW);
    expect(throttle.retryAfter('fresh-key', 'addr', NOW + 30_000)).toBe(30);
    expect(throttle.retryAfter('fresh-key', 'other', NOW + 30_000)).toBeUndefined();
  });

  it('forgets a key count after a success', () => {
    const throttle = new LoginThrottle({ perKey: 2, perAddress: 100, windowSeconds: 60 });
    throttle.recordFailure('K', 'a', NOW);
    throttle.recordSuccess('K');
    throttle.recordFailure('K', 'a', NOW);
    expect(throttle.retryAfter('K', 'a', NOW)).toBeUndefined();
  });
});
