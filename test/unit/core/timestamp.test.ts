import { describe, expect, it } from 'vitest';
import {
  endOfUtcDay,
  formatWireSeconds,
  formatWireTimestamp,
  parseWireTimestamp,
} from '../../../src/core/timestamp.js';

describe('wire timestamps', () => {
  const at = new Date('2022-03-03T10:24:17.187Z');

  it('formats without a zone, in UTC, with microseconds', () => {
    expect(formatWireTimestamp(at)).toBe('2022-03-03T10:24:17.187000');
    expect(formatWireSeconds(at)).toBe('2022-03-03T10:24:17');
  });

  it('reads zone-less timestamps as UTC', () => {
    expect(parseWireTimestamp('2022-03-03T10:24:17.187793')?.toISOString()).toBe(
      '2022-03-03T10:24:17.187Z',
    );
    expect(parseWireTimestamp('2020-11-22T23:59:59')?.toISOString()).toBe(
      '2020-11-22T23:59:59.000Z',
    );
    expect(parseWireTimestamp('2027-01-31')?.toISOString()).toBe('2027-01-31T00:00:00.000Z');
  });

  it('honours an explicit zone', () => {
    expect(parseWireTimestamp('2020-10-05T07:29:49.150974Z')?.toISOString()).toBe(
      '2020-10-05T07:29:49.150Z',
    );
    expect(parseWireTimestamp('2027-01-31T12:00:00+02:00')?.toISOString()).toBe(
      '2027-01-31T10:00:00.000Z',
    );
  });

  it('rejects what is not a timestamp', () => {
    for (const bad of ['Never expires (not recommended)', '2026-02-31', '2026-13-01', '', 'x']) {
      expect(parseWireTimestamp(bad)).toBeUndefined();
    }
  });

  it('finds the last second of the UTC day', () => {
    expect(endOfUtcDay(at).toISOString()).toBe('2022-03-03T23:59:59.000Z');
  });
});
