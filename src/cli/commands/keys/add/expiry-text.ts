import { formatRelative } from '../../../../core/duration-format.js';
import type { Expiry } from '../../../../core/expiry.js';
import { expiryInstant } from '../../../../core/expiry-state.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import { utcText } from '../shared/utc-text.js';

/**
 * `2027-01-31T23:59:59Z (end of the UTC day, 30 days from now)`, `... (exactly 12h from now)`,
 * `2027-01-31T23:59:59Z (in 30 days)` for a date, or `never`, for a parsed `--expires`.
 */
export function describeChosenExpiry(expiry: Expiry, now: Date): string {
  if (expiry.kind === 'never') return 'never';
  return `${utcText(expiry.at)} (${expiry.note ?? formatRelative(expiry.at, now)})`;
}

/** A record's expiry as messages show it: `2027-01-31T23:59:59Z`, `never`, or `unknown`. */
export function recordExpiryText(record: Pick<AccessKeyRecord, 'expiry_time'>): string {
  const at = expiryInstant(record);
  if (at === 'never') return 'never';
  return at === undefined ? 'unknown' : utcText(at);
}

/** The warning `--expires never` earns (docs/cli-contract.md §5). */
export const NEVER_WARNING =
  'a key that never expires is not recommended: prefer an expiry and `helixctl keys rotate`';

/** How each key type reads in messages. */
export const TYPE_WORD: Readonly<Record<string, string>> = {
  TENANT: 'access key',
  API: 'API key',
  USER: 'user-level key',
};
