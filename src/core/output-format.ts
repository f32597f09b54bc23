import { UsageError } from './errors.js';
import { quoteForMessage } from './quote.js';

/** The `-o, --output` formats of docs/cli-contract.md §2; `ndjson` applies to lists. */
export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'tsv'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export interface OutputFormatInput {
  /** `--json`: wins over everything else (and conflicts with another `-o`). */
  json?: boolean | undefined;
  /** `-o, --output` as typed. */
  output?: string | undefined;
  /** `HELIXCTL_OUTPUT` as set. */
  envOutput?: string | undefined;
  stdoutIsTTY: boolean;
}

/**
 * The one rule for the output format (the printer and `whoami` both use it): `--json`, then
 * `-o`, then `HELIXCTL_OUTPUT`, then `table` on a terminal and `tsv` when piped. Values are
 * case-insensitive; an unknown one is a usage error naming where it came from.
 */
export function resolveOutputFormat(input: OutputFormatInput): {
  value: OutputFormat;
  source: 'flag' | 'env' | 'default';
} {
  // A broken HELIXCTL_OUTPUT is reported even when a flag wins: it would bite the next run.
  const fromEnv =
    input.envOutput !== undefined && input.envOutput.trim() !== ''
      ? parseFormat(input.envOutput, 'HELIXCTL_OUTPUT')
      : undefined;
  if (input.json === true) {
    if (input.output !== undefined && parseFormat(input.output, '--output') !== 'json') {
      throw new UsageError(`--json conflicts with --output ${quoteForMessage(input.output)}`);
    }
    return { value: 'json', source: 'flag' };
  }
  if (input.output !== undefined)
    return { value: parseFormat(input.output, '--output'), source: 'flag' };
  if (fromEnv !== undefined) return { value: fromEnv, source: 'env' };
  return { value: input.stdoutIsTTY ? 'table' : 'tsv', source: 'default' };
}

function parseFormat(raw: string, name: string): OutputFormat {
  const value = raw.trim().toLowerCase();
  if (isOutputFormat(value)) return value;
  throw new UsageError(
    `invalid ${name} value ${quoteForMessage(raw)}: expected one of ${OUTPUT_FORMATS.join(', ')}`,
  );
}
