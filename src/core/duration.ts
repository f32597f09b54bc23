import { UsageError } from './errors.js';
import { quoteForMessage } from './quote.js';
import { DAY, HOUR, MINUTE, SECOND, WEEK } from './time-units.js';

export { formatDuration, formatRelative } from './duration-format.js';

/** The longest duration accepted anywhere: 100 years of 365.25 days. */
export const MAX_DURATION_MS = 36_525 * DAY;

const UNITS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [WEEK, ['w', 'wk', 'wks', 'week', 'weeks']],
  [DAY, ['d', 'day', 'days']],
  [HOUR, ['h', 'hr', 'hrs', 'hour', 'hours']],
  [MINUTE, ['m', 'min', 'mins', 'minute', 'minutes']],
  [SECOND, ['s', 'sec', 'secs', 'second', 'seconds']],
  [1, ['ms', 'msec', 'millisecond', 'milliseconds']],
];

const ISO =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const COMPONENT = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/iy;
const EXAMPLES = 'e.g. 45s, 15m, 12h, 30d, 2w, 1d12h or P30D';

export interface ParseDurationOptions {
  /** Accept zero (`0`, `0s`, `PT0S`), e.g. for `--clear-after 0`. Default: only positive. */
  allowZero?: boolean;
  /** The flag or variable being parsed, named in messages (e.g. `--timeout`). */
  name?: string;
}

/**
 * Milliseconds in `45s`, `15m`, `12h`, `30d`, `2w`, combinations from the largest unit down
 * (`1d12h`, `2d 3h`, long names such as `30 days`), or ISO 8601 (`P30D`, `PT12H`, `P2W`,
 * `P1DT2H`); a leading `+` is allowed. `M` alone is refused: minutes or months would be a guess.
 * Bare numbers are refused (ambiguous) except `0` when zero is allowed.
 *
 * @throws UsageError for garbage, negative, zero (unless allowed) or more than 100 years.
 */
export function parseDuration(text: string, options: ParseDurationOptions = {}): number {
  const fail = (reason: string) =>
    new UsageError(`invalid ${options.name ?? 'duration'} ${quoteForMessage(text)}: ${reason}`);
  const body = text.trim().replace(/^\+/, '');
  if (body.startsWith('-')) throw fail('a duration cannot be negative');
  if (/^\d+(?:\.\d+)?$/.test(body)) {
    if (Number(body) === 0 && options.allowZero) return 0;
    throw fail(`add a unit, e.g. ${body}d or ${body}h`);
  }
  const ms = /^P/i.test(body) ? parseIso(body, fail) : parseCompact(body, fail);
  if (!Number.isFinite(ms) || ms > MAX_DURATION_MS) throw fail('longer than 100 years');
  if (ms === 0 && !options.allowZero) throw fail('must be longer than zero');
  return ms;
}

type Fail = (reason: string) => UsageError;

function parseIso(body: string, fail: Fail): number {
  const m = ISO.exec(body);
  if (!m || body.length < 3 || /T$/i.test(body)) throw fail(`expected ${EXAMPLES}`);
  const [, years, months, weeks, days, hours, minutes, seconds] = m;
  if (years || months) throw fail('years and months are not supported; use days, e.g. P365D');
  const n = (v: string | undefined) => (v === undefined ? 0 : Number(v));
  return Math.round(
    n(weeks) * WEEK + n(days) * DAY + n(hours) * HOUR + n(minutes) * MINUTE + n(seconds) * SECOND,
  );
}

function parseCompact(body: string, fail: Fail): number {
  if (body === '') throw fail(`expected ${EXAMPLES}`);
  COMPONENT.lastIndex = 0;
  let total = 0;
  let previous = Number.POSITIVE_INFINITY;
  while (COMPONENT.lastIndex < body.length) {
    const m = COMPONENT.exec(body);
    if (!m) throw fail(`expected ${EXAMPLES}`);
    const [, amount = '', unitText = ''] = m;
    const size = unitSize(unitText, fail);
    if (size >= previous) throw fail('put each unit once, from the largest down, e.g. 1d12h');
    previous = size;
    total += Number(amount) * size;
  }
  return Math.round(total);
}

function unitSize(unit: string, fail: Fail): number {
  if (unit === 'M') throw fail('"M" is ambiguous: use m for minutes or d for days');
  const lower = unit.toLowerCase();
  const found = UNITS.find(([, names]) => names.includes(lower));
  if (!found) throw fail(`unknown unit ${quoteForMessage(unit, 12)} (${EXAMPLES})`);
  return found[0];
}
