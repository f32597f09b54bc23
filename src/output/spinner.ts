import type { ChalkInstance } from 'chalk';
import type { Ora } from 'ora';
import type { Io } from './io.js';
import { isJsonMode, type OutputMode } from './mode.js';
import { sanitizeInline } from './sanitize.js';

/** The parts of a Printer a spinner needs (a Printer fits). */
export interface SpinnerHost {
  io: Pick<Io, 'stderr'>;
  mode: OutputMode;
  quiet: boolean;
  stderrChalk: ChalkInstance;
}

export interface SpinnerControl {
  /** Replaces the spinner's text (no-op when the spinner is off). */
  update(text: string): void;
}

export interface SpinnerOptions<T> {
  /** Persisted after `✔` on success; `false` clears the line instead. Default: the text. */
  successText?: string | ((value: T) => string) | false | undefined;
  /** Persisted after `✖` on failure; `false` clears the line. Default: the text. */
  failText?: string | false | undefined;
}

const OFF: SpinnerControl = { update: () => undefined };

/**
 * Runs `fn` under an ora spinner on stderr. The spinner shows only on a real TTY stderr, not
 * in json modes and not with `--quiet`; otherwise `fn` runs with no output at all (ora alone
 * would still print `- text` and an ANSI `✔` to a pipe). Returns what `fn` returns and
 * rethrows what it throws.
 */
export async function withSpinner<T>(
  host: SpinnerHost,
  text: string,
  fn: (spinner: SpinnerControl) => Promise<T>,
  options: SpinnerOptions<T> = {},
): Promise<T> {
  if (!spinnerEnabled(host)) return fn(OFF);
  const { default: ora } = await import('ora');
  const chalk = host.stderrChalk;
  const spinner = ora({
    text: sanitizeInline(text),
    stream: host.io.stderr,
    isEnabled: true,
    // ora's default raw-mode stdin discarding would fight a prompt that follows.
    discardStdin: false,
    color: chalk.level > 0 ? 'cyan' : false,
  }).start();
  const control: SpinnerControl = {
    update(next) {
      spinner.text = sanitizeInline(next);
    },
  };
  try {
    const value = await fn(control);
    const done = options.successText;
    const message = typeof done === 'function' ? done(value) : done;
    finish(spinner, message === false ? undefined : chalk.green('✔'), message || text);
    return value;
  } catch (error) {
    const failed = options.failText;
    finish(spinner, failed === false ? undefined : chalk.red('✖'), failed || text);
    throw error;
  }
}

/** Persists `symbol text`, or clears the line when there is no symbol. */
function finish(spinner: Ora, symbol: string | undefined, text: string): void {
  if (symbol === undefined) spinner.stop();
  else spinner.stopAndPersist({ symbol, text: sanitizeInline(text) });
}

/** A spinner needs a real terminal on stderr: isTTY and the cursor methods ora drives. */
export function spinnerEnabled(host: SpinnerHost): boolean {
  const stderr = host.io.stderr as SpinnerHost['io']['stderr'] & { cursorTo?: unknown };
  return (
    stderr.isTTY === true &&
    typeof stderr.cursorTo === 'function' &&
    !isJsonMode(host.mode) &&
    !host.quiet
  );
}
