import { OUTPUT_FORMATS, type OutputFormat, resolveOutputFormat } from '../core/output-format.js';

/** How data is written to stdout. */
export type OutputMode = OutputFormat;

export const OUTPUT_MODES: readonly OutputMode[] = OUTPUT_FORMATS;

export interface OutputModeInput {
  /** `--json`: wins over everything else. */
  json?: boolean | undefined;
  /** `-o, --output` as typed by the user. */
  output?: string | undefined;
  /** Consulted for `HELIXCTL_OUTPUT` when `output` is not given. */
  env?: Record<string, string | undefined> | undefined;
  stdoutIsTTY: boolean | undefined;
}

/** The output mode for this run: see `resolveOutputFormat` (core) for the rule. */
export function resolveOutputMode(input: OutputModeInput): OutputMode {
  return resolveOutputFormat({
    json: input.json,
    output: input.output,
    envOutput: input.env?.HELIXCTL_OUTPUT,
    stdoutIsTTY: input.stdoutIsTTY === true,
  }).value;
}

/** True for the modes whose stdout must be parseable JSON. */
export function isJsonMode(mode: OutputMode): boolean {
  return mode === 'json' || mode === 'ndjson';
}

export interface ColorInput {
  isTTY: boolean | undefined;
  /** `--no-color`. */
  noColorFlag?: boolean | undefined;
  env: Record<string, string | undefined>;
}

/**
 * Whether to colour one stream. In order: `--no-color` off; `NO_COLOR` (any non-empty value)
 * off, and it beats `FORCE_COLOR` because off is the safe answer to contradictory settings;
 * `FORCE_COLOR` `0`/`false` off, empty/`true`/`1`-`3` on even when piped; `TERM=dumb` off;
 * otherwise on exactly when the stream is a TTY.
 */
export function colorEnabled(input: ColorInput): boolean {
  if (input.noColorFlag === true) return false;
  const { env } = input;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = forceColor(env.FORCE_COLOR);
  if (force !== undefined) return force;
  if (env.TERM === 'dumb') return false;
  return input.isTTY === true;
}

function forceColor(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'true' || v === '1' || v === '2' || v === '3') return true;
  if (v === '0' || v === 'false') return false;
  return undefined; // junk is ignored rather than guessed at
}

export interface InteractiveInput {
  /** `--no-input`. */
  noInput?: boolean | undefined;
  /** The output mode is json/ndjson: docs/cli-contract.md §9 allows no prompt there. */
  jsonMode?: boolean | undefined;
  env: Record<string, string | undefined>;
  stdinTTY: boolean | undefined;
  stdoutTTY: boolean | undefined;
}

/**
 * Whether prompting is allowed: never with `--no-input`, in json modes, under CI (`CI` set to anything but
 * empty, `0` or `false`, so an unusual CI value never leaves a job hanging on a prompt), or
 * when stdin or stdout is not a TTY.
 */
export function isInteractive(input: InteractiveInput): boolean {
  if (input.noInput === true || input.jsonMode === true) return false;
  const ci = input.env.CI?.trim().toLowerCase();
  if (ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false') return false;
  return input.stdinTTY === true && input.stdoutTTY === true;
}
