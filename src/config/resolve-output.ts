import { parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import type { OutputFormat } from '../core/output-format.js';
import { quoteForMessage } from '../core/quote.js';
import { checkOutput, type EnvValues } from './env-values.js';
import { DEFAULT_TIMEOUT_MS, type GlobalFlags, type Sourced } from './settings.js';

/** The longest `--timeout`: beyond it timers overflow, and no request should wait a day. */
const MAX_TIMEOUT_MS = 86_400_000;

/** `--json`, then `-o`, then HELIXCTL_OUTPUT; the caller applies the profile's, then the default. */
export function resolveOutput(
  flags: GlobalFlags,
  env: EnvValues,
  stdoutIsTty: boolean,
): Sourced<OutputFormat> {
  if (flags.json) {
    if (flags.output !== undefined && flags.output !== 'json') {
      throw new UsageError(`--json conflicts with --output ${quoteForMessage(flags.output)}`);
    }
    return { value: 'json', source: 'flag' };
  }
  if (flags.output !== undefined)
    return { value: checkOutput(flags.output.trim(), '--output'), source: 'flag' };
  if (env.output !== undefined) return { value: env.output, source: 'env' };
  return { value: stdoutIsTty ? 'table' : 'tsv', source: 'default' };
}

export function resolveTimeout(flags: GlobalFlags): Sourced<number> {
  if (flags.timeout === undefined) return { value: DEFAULT_TIMEOUT_MS, source: 'default' };
  const ms = parseDuration(flags.timeout, { name: '--timeout' });
  if (ms > MAX_TIMEOUT_MS) throw new UsageError('--timeout must be at most 24h');
  return { value: ms, source: 'flag' };
}
