import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { parseExpiry } from '../../../src/core/expiry.js';
import { EXPIRY_ENUM, isExpiryEnum } from '../../../src/core/expiry-enum.js';

const now = new Date('2026-11-26T14:30:15.250Z');

describe('parseExpiry', () => {
  it.each(['never', 'NEVER', ' Never '])('%j never expires', (text) => {
    expect(parseExpiry(text, now)).toEqual({
      kind: 'never',
      request: { expiry_enum: 'Never expires (not recommended)' },
    });
  });

  it.each([
    ['30d', '30 days', '2026-12-26T23:59:59.000Z'],
    ['60d', '60 days', '2027-01-25T23:59:59.000Z'],
    ['90d', '90 days', '2027-02-24T23:59:59.000Z'],
    ['P30D', '30 days', '2026-12-26T23:59:59.000Z'],
    ['30 days', '30 days', '2026-12-26T23:59:59.000Z'],
    ['+90d', '90 days', '2027-02-24T23:59:59.000Z'],
  ])('%j uses the preset %j, ending that UTC day', (text, preset, at) => {
    const expiry = parseExpiry(text, now);
    expect(expiry).toMatchObject({
      kind: 'at',
      at: new Date(at),
      request: { expiry_enum: preset },
      note: expect.stringMatching(/^end of the UTC day, \d+ days from now$/),
    });
  });

  // One meaning per duration (README "Key lifecycle"): whole days or weeks end that UTC day,
  // whatever the count; only hours, minutes and seconds are exact.
  it.each([
    ['2w', '2026-12-10T23:59:59', 'end of the UTC day, 14 days from now'],
    ['31d', '2026-12-27T23:59:59', 'end of the UTC day, 31 days from now'],
    ['1d', '2026-11-27T23:59:59', 'end of the UTC day, 1 day from now'],
  ])('%j is a custom value at the end of that UTC day', (text, wire, note) => {
    expect(parseExpiry(text, now)).toEqual({
      kind: 'at',
      at: new Date(`${wire}Z`),
      request: { expiry_enum: 'Custom value', expiry_time: wire },
      note,
    });
  });

  it.each([
    ['12h', '2026-11-27T02:30:15'],
    ['720h', '2026-12-26T14:30:15'],
    ['PT90M', '2026-11-26T16:00:15'],
  ])('%j is a custom value at exactly now + duration, whole seconds', (text, wire) => {
    const expiry = parseExpiry(text, now);
    expect(expiry).toEqual({
      kind: 'at',
      at: new Date(`${wire}Z`),
      request: { expiry_enum: 'Custom value', expiry_time: wire },
      note: `exactly ${text} from now`,
    });
  });

  it.each([
    ['2027-01-31', '2027-01-31T23:59:59'],
    ['2026-11-26', '2026-11-26T23:59:59'],
    ['2027-01-31T12:00:00Z', '2027-01-31T12:00:00'],
    ['2027-01-31t12:00:00z', '2027-01-31T12:00:00'],
    ['2027-01-31T12:00:00+02:00', '2027-01-31T10:00:00'],
    ['2027-01-31T12:00:00-05:30', '2027-01-31T17:30:00'],
    ['2027-01-31T12:00:00', '2027-01-31T12:00:00'],
    ['2027-01-31 12:00', '2027-01-31T12:00:00'],
    ['2027-01-31T12:00:00.999Z', '2027-01-31T12:00:00'],
  ])('%j is a custom value at %j UTC', (text, wire) => {
    const expiry = parseExpiry(text, now);
    expect(expiry.request).toEqual({ expiry_enum: 'Custom value', expiry_time: wire });
    expect(expiry.kind === 'at' && expiry.at.toISOString()).toBe(`${wire}.000Z`);
  });

  it.each([
    [
      '2026-11-25',
      /expiry 2026-11-25T23:59:59Z is not in the future \(now is 2026-11-26T14:30:15Z\)/,
    ],
    ['2026-11-26T14:30:15Z', /2026-11-26T14:30:15Z is not in the future/],
    ['2026-11-26T16:00:00+02:00', /expiry 2026-11-26T14:00:00Z is not in the future/],
    ['now', /must be in the future, not now/],
    ['NOW', /must be in the future/],
    ['2026-02-31', /expected a date such as 2027-01-31/],
    ['2027-13-01', /expected a date/],
    ['2027-01-31T25:00:00Z', /expected a date/],
    ['2027-01-31Tnoon', /expected a date/],
    ['30', /add a unit/],
    ['0d', /longer than zero/],
    ['tomorrow', /invalid expiry "tomorrow"/],
    ['-5d', /negative/],
  ])('refuses %j', (text, message) => {
    expect(() => parseExpiry(text, now)).toThrow(UsageError);
    expect(() => parseExpiry(text, now)).toThrow(message);
  });

  it('gives only known enum strings', () => {
    for (const text of ['never', '30d', '60d', '90d', '1h', '2030-01-01']) {
      expect(isExpiryEnum(parseExpiry(text, now).request.expiry_enum)).toBe(true);
    }
    expect(isExpiryEnum('45 days')).toBe(false);
    expect(Object.values(EXPIRY_ENUM)).toHaveLength(5);
  });
});
