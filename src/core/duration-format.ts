import { DAY, HOUR, MINUTE, SECOND } from './time-units.js';

const FORMAT_UNITS: ReadonlyArray<readonly [number, string]> = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'm'],
  [SECOND, 's'],
  [1, 'ms'],
];

/**
 * Compact form such as `2d 3h`: at most `units` adjacent units starting from the largest
 * non-zero one, the rest dropped (rounded down). `units: Infinity` is exact and parses back.
 */
export function formatDuration(ms: number, units = 2): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms));
  const first = FORMAT_UNITS.findIndex(([size]) => rest >= size);
  if (first < 0) return '0s';
  const parts: string[] = [];
  for (const [size, label] of FORMAT_UNITS.slice(first, first + units)) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count}${label}`);
  }
  return sign + parts.join(' ');
}

const RELATIVE_STEPS: ReadonlyArray<readonly [number, number, string]> = [
  // [below this many ms, divide by, unit name]
  [MINUTE, SECOND, 'second'],
  [HOUR, MINUTE, 'minute'],
  [2 * DAY, HOUR, 'hour'],
  [90 * DAY, DAY, 'day'],
  [730 * DAY, 30.4375 * DAY, 'month'],
  [Number.POSITIVE_INFINITY, 365.25 * DAY, 'year'],
];

/**
 * `in 3 days`, `2 hours ago`, `in 45 minutes`, or `just now` within a second. Counts are
 * rounded down, so an expiry never looks further away than it is.
 */
export function formatRelative(target: Date, now: Date): string {
  const diff = target.getTime() - now.getTime();
  const size = Math.abs(diff);
  if (size < SECOND) return 'just now';
  const [, divisor, unit] = RELATIVE_STEPS.find(([below]) => size < below) ?? [0, DAY, 'day'];
  const count = Math.floor(size / divisor);
  const phrase = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return diff > 0 ? `in ${phrase}` : `${phrase} ago`;
}
