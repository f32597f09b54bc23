import type { ChalkInstance } from 'chalk';

const DAY_MS = 86_400_000;

/** How many days ahead an expiry counts as "soon" (yellow). */
export const EXPIRY_WARNING_DAYS = 7;

/** `ACTIVE` green, `INACTIVE` dim, anything else unchanged. */
export function styleStatus(chalk: ChalkInstance, text: string, status: string): string {
  if (status === 'ACTIVE') return chalk.green(text);
  if (status === 'INACTIVE') return chalk.dim(text);
  return text;
}

export type ExpiryState = 'never' | 'expired' | 'soon' | 'ok';

/**
 * Classifies an expiry against `now`: `expired` at or past it (or when the service says
 * `key_expired`), `soon` within {@link EXPIRY_WARNING_DAYS} days, `never` without one.
 */
export function expiryState(expiry: Date | undefined, now: Date, keyExpired = false): ExpiryState {
  if (keyExpired) return 'expired';
  if (expiry === undefined) return 'never';
  const left = expiry.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRY_WARNING_DAYS * DAY_MS ? 'soon' : 'ok';
}

/** Red when expired, yellow when soon, otherwise unchanged. */
export function styleExpiry(chalk: ChalkInstance, text: string, state: ExpiryState): string {
  if (state === 'expired') return chalk.red(text);
  if (state === 'soon') return chalk.yellow(text);
  return text;
}
