import { isHelixError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { sanitizeInline, sanitizeMessage } from './sanitize.js';

/** The JSON error printed on stderr with `--json` (docs/cli-contract.md §6). */
export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    /** HTTP status, present only when the error came from the service. */
    status?: number;
    exit_code: number;
    /** The `hint:` line, when there is one. */
    hint?: string;
  };
}

export interface FormattedError {
  /** One line, terminal-safe, without the `error: ` prefix. */
  message: string;
  hint: string | undefined;
  exitCode: ExitCode;
  envelope: ErrorEnvelope;
  /** Stack trace and causes: only filled in when debug is on. */
  details: string | undefined;
}

/** The exit code for anything thrown: a HelixError's own, else 1 (a bug). */
export function exitCodeOf(error: unknown): ExitCode {
  return isHelixError(error) ? error.exitCode : ExitCode.INTERNAL;
}

const MAX_CAUSES = 5;

/**
 * Turns anything thrown into what the user sees. A HelixError is an expected failure: its
 * message and hint, no stack. Anything else is a bug: "unexpected internal error", a hint to
 * re-run with --debug, and the stack only under --debug.
 */
export function formatError(error: unknown, options: { debug?: boolean } = {}): FormattedError {
  const debug = options.debug === true;
  const known = isHelixError(error);
  const raw = error instanceof Error ? error.message : String(error);
  const message = sanitizeInline(known ? raw : `unexpected internal error: ${raw}`);
  const hint = known ? error.hint && sanitizeInline(error.hint) : internalHint(debug);
  const exitCode = exitCodeOf(error);
  const envelope: ErrorEnvelope = {
    error: { code: known ? error.code : 'INTERNAL', message, exit_code: exitCode },
  };
  if (known && error.status !== undefined) envelope.error.status = error.status;
  if (hint) envelope.error.hint = hint;
  return {
    message,
    hint: hint || undefined,
    exitCode,
    envelope,
    details: debug ? trace(error) : undefined,
  };
}

function internalHint(debug: boolean): string {
  return debug
    ? 'this is a bug in helixctl: please report it with this output'
    : 're-run with --debug to see the stack trace';
}

/** The stack, then each `cause` in turn, made terminal-safe. */
function trace(error: unknown): string | undefined {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth <= MAX_CAUSES; depth += 1) {
    const text = current instanceof Error ? (current.stack ?? current.message) : String(current);
    parts.push(depth === 0 ? text : `caused by: ${text}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.length > 0 ? sanitizeMessage(parts.join('\n')) : undefined;
}
