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
  | { kind: 'at'; at: Date; request: ExpiryRequest };

/**
 * Reads `--expires` (docs/cli-contract.md §5): `never` (any case); a duration (`30d`, `12h`, `2w`,
 * `P30D`…; exactly 30, 60 or 90 days written in days or weeks use the service's presets, which
 * end at 23:59:59 UTC of that day); a plain date `2027-01-31` (ends 23:59:59 UTC that day); or
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
  const ms = parseDuration(trimmed, { name: 'expiry' });
  const preset = presetFor(trimmed, ms);
  if (preset) {
    return {
      kind: 'at',
      at: endOfUtcDay(new Date(now.getTime() + ms)),
      request: { expiry_enum: preset },
    };
  }
  return custom(new Date(now.getTime() + ms), now);
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

function custom(at: Date, now: Date): Expiry {
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

/** A preset applies only to whole days written in days or weeks: `720h` stays exact. */
function presetFor(text: string, ms: number): ExpiryEnum | undefined {
  const daysOrWeeks =
    /^\+?(?:\d+\s*(?:d|days?|w|wks?|weeks?)\s*)+$/i.test(text) ||
    /^\+?P(?:\d+W)?(?:\d+D)?$/i.test(text);
  if (!daysOrWeeks || ms % DAY !== 0) return undefined;
  return EXPIRY_PRESETS.get(ms / DAY);
}
