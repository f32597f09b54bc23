import { parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import { type OutputFormat, resolveOutputFormat } from '../core/output-format.js';
import { DEFAULT_TIMEOUT_MS } from '../core/timeout.js';
import type { EnvValues } from './env-values.js';
import type { GlobalFlags, Sourced } from './settings.js';

/** The longest `--timeout`: beyond it timers overflow, and no request should wait a day. */
const MAX_TIMEOUT_MS = 86_400_000;

/** The output format and its source, by the same rule as the printer's (core). */
export function resolveOutput(
  flags: GlobalFlags,
  env: EnvValues,
  stdoutIsTty: boolean,
): Sourced<OutputFormat> {
  return resolveOutputFormat({
    json: flags.json,
    output: flags.output,
    envOutput: env.output,
    stdoutIsTTY: stdoutIsTty,
  });
}

export function resolveTimeout(flags: GlobalFlags): Sourced<number> {
  if (flags.timeout === undefined) return { value: DEFAULT_TIMEOUT_MS, source: 'default' };
  const ms = parseDuration(flags.timeout, { name: '--timeout' });
  if (ms > MAX_TIMEOUT_MS) throw new UsageError('--timeout must be at most 24h');
  return { value: ms, source: 'flag' };
}
