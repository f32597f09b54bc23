import { Chalk, type ChalkInstance } from 'chalk';
import { DeclinedError } from '../core/errors.js';
import type { ExitCode } from '../core/exit-codes.js';
import { formatError } from './format-error.js';
import { type Io, safeWrite } from './io.js';
import { colorEnabled } from './mode.js';
import type { Printer } from './printer.js';

export interface PrintErrorOptions {
  /** `--json`: also print the JSON envelope as the last line on stderr. */
  json?: boolean | undefined;
  /** `--debug`: print the stack trace (and causes), also for expected errors. */
  debug?: boolean | undefined;
  /** `--no-color`; only consulted when given an `Io` (a Printer has decided already). */
  noColor?: boolean | undefined;
}

/**
 * Prints an error on stderr and returns its exit code. Takes the run's Printer, or a bare `Io`
 * for failures that happen before a Printer exists (a bad `--output` value, say).
 *
 * Human form: `error: <message>`, then `hint: <hint>` when there is one, then the trace with
 * `--debug`. With `--json` the envelope follows as one line:
 * `{"error":{"code":"NOT_FOUND","message":"…","status":404,"exit_code":5}}`.
 */
export function printError(
  target: Printer | Io,
  error: unknown,
  options: PrintErrorOptions = {},
): ExitCode {
  const io = 'io' in target ? target.io : target;
  const json = options.json === true;
  const chalk = 'io' in target ? target.stderrChalk : stderrChalk(io, json, options.noColor);
  const formatted = formatError(error, { debug: options.debug === true });
  // A declined confirmation is the user's choice: said calmly, not as an error.
  const lines = [
    error instanceof DeclinedError
      ? formatted.message
      : `${chalk.red('error:')} ${formatted.message}`,
  ];
  if (formatted.hint) lines.push(`${chalk.yellow('hint:')} ${formatted.hint}`);
  if (formatted.details) lines.push(chalk.dim(formatted.details));
  if (json) lines.push(JSON.stringify(formatted.envelope));
  safeWrite(io.stderr, `${lines.join('\n')}\n`);
  return formatted.exitCode;
}

function stderrChalk(io: Io, json: boolean, noColor: boolean | undefined): ChalkInstance {
  const on = !json && colorEnabled({ isTTY: io.stderr.isTTY, noColorFlag: noColor, env: io.env });
  return new Chalk({ level: on ? 1 : 0 });
}
