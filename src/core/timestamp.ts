/**
 * The IMS API writes timestamps in ISO-8601 local form without a zone, with microseconds
 * (`2022-03-03T10:24:17.187793`). We read and write them as UTC: the service runs in UTC and
 * treating them as local time would shift every expiry by the user's offset.
 */

const WIRE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** `2022-03-03T10:24:17.187000` (UTC, no zone, six fractional digits). */
export function formatWireTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000`;
}

/** `2022-03-03T10:24:17` (UTC, no zone, no fraction): the form of `expiry_time`. */
export function formatWireSeconds(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** The last second of the UTC day holding `date`: how the portal stores day-based expiry. */
export function endOfUtcDay(date: Date): Date {
  return new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 23, 59, 59),
  );
}

/**
 * Parses a wire timestamp (zone-less means UTC; an explicit zone is honoured). Returns
 * undefined for anything else, including the literal "Never expires (not recommended)".
 */
export function parseWireTimestamp(text: string): Date | undefined {
  const m = WIRE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const ms = Number(`${frac}000`.slice(0, 3));
  const check = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms),
  );
  // Date.UTC reads years 0..99 as 1900..1999; set the year itself so 0075 stays 0075.
  check.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  const utc = check.getTime();
  // Reject 2026-02-31 and friends instead of rolling them into March.
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  return new Date(utc - zoneOffsetMs(zone));
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/** `2022-03-03T10:24:17Z`: RFC 3339, UTC, whole seconds: how helixctl prints every instant. */
export function formatRfc3339(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * A service timestamp as helixctl prints it (RFC 3339 UTC, whole seconds; zone-less wire text
 * is UTC, an explicit zone is honoured). Text that is not a timestamp is returned unchanged:
 * output must not hide what the service sent.
 */
export function outputTimestamp(wire: string): string {
  const at = parseWireTimestamp(wire);
  return at === undefined ? wire : formatRfc3339(at);
}
