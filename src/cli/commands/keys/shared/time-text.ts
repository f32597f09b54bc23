import { formatRelative } from '../../../../core/duration-format.js';
import { expiryInstant } from '../../../../core/expiry-state.js';
import { parseWireTimestamp } from '../../../../core/timestamp.js';

/** `2027-01-31 23:59:59 UTC`: an instant as people read it, zone spelled out. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `2027-01-31 23:59:59 UTC (in 3 days)`, or `-` when absent or unreadable. */
export function whenText(wire: string | undefined, now: Date): string {
  const at = wire === undefined ? undefined : parseWireTimestamp(wire);
  return at === undefined ? '-' : `${formatUtc(at)} (${formatRelative(at, now)})`;
}

/** An expiry for people: `never`, or the UTC time and how far away it is (or was). */
export function expiryText(expiry: { expiry_time?: string | null | undefined }, now: Date): string {
  const at = expiryInstant(expiry);
  if (at === 'never') return 'never';
  if (at === undefined) return 'unknown';
  const past = at.getTime() <= now.getTime();
  const relative = formatRelative(at, now);
  return `${formatUtc(at)} (${past ? `expired ${relative}` : relative})`;
}
