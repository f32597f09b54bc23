import { formatRelative } from './duration-format.js';
import { EXPIRY_ENUM } from './expiry-enum.js';
import { DAY } from './time-units.js';
import { parseWireTimestamp } from './timestamp.js';

/** Where a key stands: `expiring` means within the caller's warning window. */
export type ExpiryState = 'never' | 'expired' | 'expiring' | 'valid' | 'unknown';

/** The expiry fields of an access-key record (or anything shaped like one). */
export interface ExpiryFields {
  expiry_time?: string | null | undefined;
  key_expired?: boolean | undefined;
}

export interface ExpiryDescription {
  state: ExpiryState;
  /** The instant it expires (or expired); absent for never and unknown. */
  at?: Date;
  /** `never`, `in 3 days`, `expired 2 days ago`, `expired`, or `unknown`. */
  text: string;
}

/**
 * The expiry instant of a record: `'never'` when `expiry_time` is absent, null or the
 * service's never string; undefined when it cannot be read.
 */
export function expiryInstant(record: ExpiryFields): Date | 'never' | undefined {
  const time = record.expiry_time;
  if (!time || time === EXPIRY_ENUM.NEVER) return 'never';
  return parseWireTimestamp(time);
}

/**
 * Describes a record's expiry for tables and `keys check`. The service's `key_expired` flag
 * wins over the clock when it says expired (the server's clock decides).
 *
 * @param soonMs the warning window (default 7 days, the table's yellow).
 */
export function describeExpiry(
  record: ExpiryFields,
  now: Date,
  soonMs = 7 * DAY,
): ExpiryDescription {
  const at = expiryInstant(record);
  if (at === 'never') return { state: 'never', text: 'never' };
  if (at === undefined) {
    return record.key_expired
      ? { state: 'expired', text: 'expired' }
      : { state: 'unknown', text: 'unknown' };
  }
  const past = at.getTime() <= now.getTime();
  if (past || record.key_expired === true) {
    return { state: 'expired', at, text: past ? `expired ${formatRelative(at, now)}` : 'expired' };
  }
  const state = at.getTime() - now.getTime() <= soonMs ? 'expiring' : 'valid';
  return { state, at, text: formatRelative(at, now) };
}

/** True when a record is expired, or expires within `withinMs` of `now` (`check --within`). */
export function isExpiringWithin(record: ExpiryFields, now: Date, withinMs: number): boolean {
  const { state } = describeExpiry(record, now, withinMs);
  return state === 'expired' || state === 'expiring';
}
