import { formatRelative } from '../../../../core/duration-format.js';
import { expiryInstant } from '../../../../core/expiry-state.js';
import { formatRfc3339, parseWireTimestamp } from '../../../../core/timestamp.js';

// Absolute times are RFC 3339 UTC here too, the form json and tsv print (docs/cli-contract.md
// §6): a time copied from a table pastes into `--on` or a script unchanged.
const formatUtc = formatRfc3339;

/** `2027-01-31T23:59:59Z (in 3 days)`, or `-` when absent or unreadable. */
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
