import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatRelative,
  MAX_DURATION_MS,
  parseDuration,
} from '../../../src/core/duration.js';
import { UsageError } from '../../../src/core/errors.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('parseDuration', () => {
  it.each([
    ['45s', 45 * S],
    ['15m', 15 * M],
    ['12h', 12 * H],
    ['30d', 30 * D],
    ['2w', 14 * D],
    ['1d12h', D + 12 * H],
    ['2d 3h', 2 * D + 3 * H],
    ['1w2d3h4m5s', 9 * D + 3 * H + 4 * M + 5 * S],
    ['+90d', 90 * D],
    ['30 days', 30 * D],
    ['2 weeks', 14 * D],
    ['1 hour 30 minutes', H + 30 * M],
    ['1.5h', 90 * M],
    ['500ms', 500],
    ['12H', 12 * H],
    [' 30d ', 30 * D],
    ['P30D', 30 * D],
    ['PT12H', 12 * H],
    ['P2W', 14 * D],
    ['P1DT2H', D + 2 * H],
    ['PT1H30M', H + 30 * M],
    ['PT0.5S', 500],
    ['p30d', 30 * D],
    ['+P90D', 90 * D],
  ])('reads %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['30', /add a unit, e\.g\. 30d/],
    ['', /expected e\.g\./],
    ['abc', /expected e\.g\./],
    ['-5m', /negative/],
    ['0s', /longer than zero/],
    ['0', /add a unit/],
    ['PT0S', /longer than zero/],
    ['6M', /ambiguous/],
    ['12h1d', /from the largest down/],
    ['1d1d', /from the largest down/],
    ['P1Y', /years and months/],
    ['P1M', /years and months/],
    ['P', /expected/],
    ['PT', /expected/],
    ['P1DT', /expected/],
    ['1d garbage', /expected e\.g\./],
    ['5 parsecs', /unknown unit/],
    ['101y', /unknown unit/],
    ['36526d', /longer than 100 years/],
    ['5300w', /longer than 100 years/],
    ['99999999999999999999999d', /longer than 100 years/],
  ])('refuses %j', (text, message) => {
    expect(() => parseDuration(text)).toThrow(UsageError);
    expect(() => parseDuration(text)).toThrow(message);
  });

  it('accepts zero only when asked', () => {
    expect(parseDuration('0', { allowZero: true })).toBe(0);
    expect(parseDuration('0s', { allowZero: true })).toBe(0);
    expect(() => parseDuration('7', { allowZero: true })).toThrow(/add a unit/);
  });

  it('names the flag and quotes the input safely', () => {
    expect(() => parseDuration('\u001b[31mred', { name: '--timeout' })).toThrow(
      /^invalid --timeout "\\x1b\[31mred":/,
    );
    const long = 'x'.repeat(10_000);
    try {
      parseDuration(long);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
    expect(() => parseDuration(long)).toThrow(UsageError);
  });

  it('accepts exactly 100 years', () => {
    expect(parseDuration('36525d')).toBe(MAX_DURATION_MS);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [500, '500ms'],
    [45 * S, '45s'],
    [2 * D + 3 * H + 15 * M, '2d 3h'],
    [2 * D + 5 * M, '2d'],
    [90 * M, '1h 30m'],
    [-3 * H, '-3h'],
    [14 * D, '14d'],
  ])('%d ms is %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('is exact with all units', () => {
    expect(formatDuration(D + 2 * H + 3 * M + 4 * S + 5, Number.POSITIVE_INFINITY)).toBe(
      '1d 2h 3m 4s 5ms',
    );
  });

  it('parses back exactly with all units (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DURATION_MS }), (ms) => {
        expect(parseDuration(formatDuration(ms, Number.POSITIVE_INFINITY))).toBe(ms);
      }),
    );
  });

  it('parses back to at most the input, within its second unit (property)', () => {
    const sizes = [D, H, M, S, 1];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DURATION_MS }), (ms) => {
        const back = parseDuration(formatDuration(ms));
        const firstUnit = sizes.findIndex((size) => ms >= size);
        const precision = sizes[firstUnit + 1] ?? 1;
        expect(back).toBeLessThanOrEqual(ms);
        expect(ms - back).toBeLessThan(precision);
      }),
    );
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it.each([
    [0, 'just now'],
    [999, 'just now'],
    [-500, 'just now'],
    [30 * S, 'in 30 seconds'],
    [S, 'in 1 second'],
    [45 * M, 'in 45 minutes'],
    [-2 * H, '2 hours ago'],
    [H, 'in 1 hour'],
    [47 * H, 'in 47 hours'],
    [3 * D + 5 * H, 'in 3 days'],
    [-2 * D, '2 days ago'],
    [89 * D, 'in 89 days'],
    [180 * D, 'in 5 months'],
    [-3 * 365 * D, '2 years ago'],
  ])('%d ms away is %j', (offset, text) => {
    expect(formatRelative(at(offset), now)).toBe(text);
  });
});
