import { formatWireSeconds } from '../../../../core/timestamp.js';

/** `2027-01-31T23:59:59Z`: an instant as messages show it (absolute, UTC, whole seconds). */
export function utcText(date: Date): string {
  return `${formatWireSeconds(date)}Z`;
}
