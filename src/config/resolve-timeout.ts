import { parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import { DEFAULT_TIMEOUT_MS } from '../core/timeout.js';
import type { GlobalFlags, Sourced } from './settings.js';

/** The longest `--timeout`: beyond it timers overflow, and no request should wait a day. */
const MAX_TIMEOUT_MS = 86_400_000;

/** `--timeout` as milliseconds, with its source (the flag, or the 30 s default). */
export function resolveTimeout(flags: GlobalFlags): Sourced<number> {
  if (flags.timeout === undefined) return { value: DEFAULT_TIMEOUT_MS, source: 'default' };
  const ms = parseDuration(flags.timeout, { name: '--timeout' });
  if (ms > MAX_TIMEOUT_MS) throw new UsageError('--timeout must be at most 24h');
  return { value: ms, source: 'flag' };
}
