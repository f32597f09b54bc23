import { formatRfc3339 } from '../../../../core/timestamp.js';

/** `2027-01-31T23:59:59Z`: an instant as messages show it (absolute, UTC, whole seconds). */
export function utcText(date: Date): string {
  return formatRfc3339(date);
}
