import { describe, expect, it } from 'vitest';
import { describeExpiry, expiryInstant, isExpiringWithin } from '../../../src/core/expiry-state.js';

const now = new Date('2026-11-26T12:00:00Z');
const DAY = 86_400_000;

describe('describeExpiry', () => {
  it('reads never from an absent, null or literal expiry', () => {
    for (const expiry_time of [undefined, null, 'Never expires (not recommended)']) {
      expect(describeExpiry({ expiry_time }, now)).toEqual({ state: 'never', text: 'never' });
    }
  });

  it('says how long until, and flags the warning window', () => {
    expect(describeExpiry({ expiry_time: '2026-11-29T12:00:00' }, now)).toEqual({
      state: 'expiring',
      at: new Date('2026-11-29T12:00:00Z'),
      text: 'in 3 days',
    });
    expect(describeExpiry({ expiry_time: '2026-12-26T23:59:59' }, now).state).toBe('valid');
    expect(describeExpiry({ expiry_time: '2026-12-26T23:59:59' }, now, 60 * DAY).state).toBe(
      'expiring',
    );
  });

  it('says how long ago it expired', () => {
    expect(describeExpiry({ expiry_time: '2026-11-24T12:00:00', key_expired: true }, now)).toEqual({
      state: 'expired',
      at: new Date('2026-11-24T12:00:00Z'),
      text: 'expired 2 days ago',
    });
  });

  it('trusts the service when it says expired', () => {
    const described = describeExpiry(
      { expiry_time: '2026-11-26T12:00:30', key_expired: true },
      now,
    );
    expect(described).toMatchObject({ state: 'expired', text: 'expired' });
  });

  it('reports an unreadable time as unknown', () => {
    expect(describeExpiry({ expiry_time: 'soon' }, now)).toEqual({
      state: 'unknown',
      text: 'unknown',
    });
    expect(expiryInstant({ expiry_time: 'soon' })).toBeUndefined();
  });

  it('finds keys expiring within a window', () => {
    expect(isExpiringWithin({ expiry_time: '2026-11-27T12:00:00' }, now, 2 * DAY)).toBe(true);
    expect(isExpiringWithin({ expiry_time: '2026-11-29T12:00:00' }, now, 2 * DAY)).toBe(false);
    expect(isExpiringWithin({ expiry_time: '2026-11-20T12:00:00' }, now, 2 * DAY)).toBe(true);
    expect(isExpiringWithin({}, now, 2 * DAY)).toBe(false);
  });
});
