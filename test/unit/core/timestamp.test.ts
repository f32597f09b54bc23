import { describe, expect, it } from 'vitest';
import {
  endOfUtcDay,
  formatRfc3339,
  formatWireSeconds,
  formatWireTimestamp,
  outputTimestamp,
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

describe('printed timestamps (docs/cli-contract.md §6)', () => {
  it('are RFC 3339 UTC with Z and whole seconds', () => {
    expect(formatRfc3339(new Date('2022-03-03T10:24:17.987Z'))).toBe('2022-03-03T10:24:17Z');
  });

  it('turn every wire form into that one form', () => {
    expect(outputTimestamp('2027-01-06T23:59:59')).toBe('2027-01-06T23:59:59Z');
    expect(outputTimestamp('2022-03-03T10:24:17.187793')).toBe('2022-03-03T10:24:17Z');
    expect(outputTimestamp('2027-01-31T12:00:00+02:00')).toBe('2027-01-31T10:00:00Z');
    expect(outputTimestamp('2020-10-05T07:29:49.150974Z')).toBe('2020-10-05T07:29:49Z');
    expect(outputTimestamp('2027-01-31')).toBe('2027-01-31T00:00:00Z');
  });

  it('leave text that is not a timestamp as the service sent it', () => {
    expect(outputTimestamp('Never expires (not recommended)')).toBe(
      'Never expires (not recommended)',
    );
    expect(outputTimestamp('')).toBe('');
  });
});
