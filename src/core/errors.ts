import { ExitCode } from './exit-codes.js';

export interface HelixErrorOptions {
  /** One actionable line shown as `hint:` under the error. */
  hint?: string | undefined;
  /** HTTP status when the error came from the service. */
  status?: number | undefined;
  /** Machine-readable code for the JSON error envelope; defaults per class. */
  code?: string | undefined;
  cause?: unknown;
}

/**
 * Base of every error the CLI expects. Its message is one line meant for the user: it must
 * never contain a secret, a token or a raw response body.
 */
export class HelixError extends Error {
  readonly exitCode: ExitCode;
  readonly code: string;
  readonly hint: string | undefined;
  readonly status: number | undefined;

  constructor(
    message: string,
    exitCode: ExitCode,
    defaultCode: string,
    options: HelixErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.code = options.code ?? defaultCode;
    this.hint = options.hint;
    this.status = options.status;
  }
}

export class UsageError extends HelixError {
  constructor(message: string, options?: HelixErrorOptions) {
    super(message, ExitCode.USAGE, 'USAGE', options);
  }
}

export class AuthError extends HelixError {
  constructor(message: string, options?: HelixErrorOptions) {
    super(message, ExitCode.NOT_AUTHENTICATED, 'UNAUTHORIZED', options);
  }
}

export class PermissionError extends HelixError {
  constructor(message: string, options?: HelixErrorOptions) {
    super(message, ExitCode.FORBIDDEN, 'FORBIDDEN', options);
  }
}

export class NotFoundError extends HelixError {
  constructor(message: string, options?: HelixErrorOptions) {
    super(message, ExitCode.NOT_FOUND, 'NOT_FOUND', options);
  }
}

/** A business rule refused the request: key limit, non-deletable, `<tenant id>@` rotation. */
export class RuleError extends HelixError {
  constructor(message: string, options?: HelixErrorOptions) {
    super(message, ExitCode.REFUSED, 'BAD_REQUEST', options);
  }
}

/** Network, TLS, timeout, 5xx, or 429 after retries. */
export class ServiceError extends HelixError {
  constructor(message: string, options?: HelixErrorOptions) {
    super(message, ExitCode.SERVICE, 'SERVICE_UNAVAILABLE', options);
  }
}

/** A value was needed but there is no TTY to ask for it. The message names the flag. */
export class InputNeededError extends HelixError {
  constructor(message: string, options?: HelixErrorOptions) {
    super(message, ExitCode.INPUT_NEEDED, 'INPUT_REQUIRED', options);
  }
}

export class PartialFailureError extends HelixError {
  constructor(message: string, options?: HelixErrorOptions) {
    super(message, ExitCode.PARTIAL_FAILURE, 'PARTIAL_FAILURE', options);
  }
}

export class CancelledError extends HelixError {
  constructor(message = 'cancelled', options?: HelixErrorOptions) {
    super(message, ExitCode.CANCELLED, 'CANCELLED', options);
  }
}

/**
 * A confirmation answered "no": a choice, not a failure. Still exit 130 (docs/cli-contract.md
 * §9), but printed as one calm line without the `error:` prefix.
 */
export class DeclinedError extends CancelledError {
  constructor(message = 'Cancelled: nothing was changed.', options?: HelixErrorOptions) {
    super(message, options);
  }
}

export function isHelixError(value: unknown): value is HelixError {
  return value instanceof HelixError;
}
