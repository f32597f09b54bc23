import { parseDuration } from './duration.js';
import { UsageError } from './errors.js';
import { EXPIRY_ENUM, EXPIRY_PRESETS, type ExpiryEnum } from './expiry-enum.js';
import { quoteForMessage } from './quote.js';
import { DAY } from './time-units.js';
import { endOfUtcDay, formatWireSeconds, parseWireTimestamp } from './timestamp.js';

/** The expiry part of a create or update request body. */
export interface ExpiryRequest {
  expiry_enum: ExpiryEnum;
  expiry_time?: string;
}

/** A parsed `--expires` value: `at` is the UTC instant the key will stop working. */
export type Expiry =
  | { kind: 'never'; request: ExpiryRequest }
  | { kind: 'at'; at: Date; request: ExpiryRequest; note?: string };

/**
 * Reads `--expires` (docs/cli-contract.md §5): `never` (any case); a duration (see
 * {@link parseExpiryDuration}: whole days or weeks end at 23:59:59 UTC of that day, hours and
 * minutes are exact); a plain date `2027-01-31` (ends 23:59:59 UTC that day); or
 * a date-time `2027-01-31T12:00:00Z` / `+02:00`. **A date-time without a zone is UTC**, like
 * every wire timestamp. Sub-second parts are dropped: the service stores whole seconds.
 *
 * @throws UsageError for anything else, or a time that is not in the future (the message
 *   shows the resolved UTC time).
 */
export function parseExpiry(text: string, now: Date): Expiry {
  const trimmed = text.trim();
  if (/^never$/i.test(trimmed)) {
    return { kind: 'never', request: { expiry_enum: EXPIRY_ENUM.NEVER } };
  }
  if (/^now$/i.test(trimmed)) throw new UsageError('an expiry must be in the future, not now');
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return parseDate(trimmed, now);
  return parseExpiryDuration(trimmed, now);
}

/**
 * One meaning for a duration used as an expiry, everywhere (`keys add --expires`, `keys rotate
 * --expires`, `keys expire --in`; README "Key lifecycle"): a duration written in whole days or
 * weeks (`30d`, `2w`, `P30D`) is a number of calendar days and ends at 23:59:59 UTC of the day
 * it lands on, as the service's own day presets do (30, 60 and 90 days are sent as those
 * presets); anything with hours, minutes or seconds (`12h`, `720h`) is exact. The `note` says
 * which, for the echo.
 */
export function parseExpiryDuration(text: string, now: Date): Expiry & { kind: 'at' } {
  const trimmed = text.trim();
  const ms = parseDuration(trimmed, { name: 'expiry' });
  if (isWholeDays(trimmed, ms)) {
    const days = ms / DAY;
    const at = endOfUtcDay(new Date(now.getTime() + ms));
    const note = `end of the UTC day, ${days} day${days === 1 ? '' : 's'} from now`;
    const preset = EXPIRY_PRESETS.get(days);
    if (preset) return { kind: 'at', at, request: { expiry_enum: preset }, note };
    return { ...custom(at, now), note };
  }
  return { ...custom(new Date(now.getTime() + ms), now), note: `exactly ${trimmed} from now` };
}

function parseDate(text: string, now: Date): Expiry {
  const upper = text.toUpperCase();
  const date = parseWireTimestamp(upper);
  if (!date) {
    throw new UsageError(
      `invalid expiry ${quoteForMessage(text)}: expected a date such as 2027-01-31 or 2027-01-31T12:00:00Z`,
    );
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(upper);
  return custom(dateOnly ? endOfUtcDay(date) : date, now);
}

function custom(at: Date, now: Date): Expiry & { kind: 'at' } {
  const whole = new Date(Math.floor(at.getTime() / 1000) * 1000);
  if (whole.getTime() <= now.getTime()) {
    throw new UsageError(
      `expiry ${utcSeconds(whole)} is not in the future (now is ${utcSeconds(now)})`,
    );
  }
  return {
    kind: 'at',
    at: whole,
    request: { expiry_enum: EXPIRY_ENUM.CUSTOM, expiry_time: formatWireSeconds(whole) },
  };
}

/** `2027-01-31T12:00:00Z`: the resolved instant as users should read it. */
function utcSeconds(date: Date): string {
  return `${formatWireSeconds(date)}Z`;
}

/** Whole days written in days or weeks: `720h` stays exact. */
function isWholeDays(text: string, ms: number): boolean {
  const daysOrWeeks =
    /^\+?(?:\d+\s*(?:d|days?|w|wks?|weeks?)\s*)+$/i.test(text) ||
    /^\+?P(?:\d+W)?(?:\d+D)?$/i.test(text);
  return daysOrWeeks && ms > 0 && ms % DAY === 0;
}
