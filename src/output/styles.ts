import type { ChalkInstance } from 'chalk';
import type { ExpiryState } from '../core/expiry-state.js';

/** `ACTIVE` green, `INACTIVE` dim, anything else unchanged. */
export function styleStatus(chalk: ChalkInstance, text: string, status: string): string {
  if (status === 'ACTIVE') return chalk.green(text);
  if (status === 'INACTIVE') return chalk.dim(text);
  return text;
}

/**
 * Red when expired, yellow when expiring within the warning window (7 days in tables: see
 * `describeExpiry` in core), otherwise unchanged.
 */
export function styleExpiry(chalk: ChalkInstance, text: string, state: ExpiryState): string {
  if (state === 'expired') return chalk.red(text);
  if (state === 'expiring') return chalk.yellow(text);
  return text;
}
