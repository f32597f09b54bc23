import { HelixError } from '../core/errors.js';
import { interruptOf } from '../core/interrupt.js';
import { httpErrorResponse, isTimeoutError } from './ky-shapes.js';
import { classifyNetworkError, ResponseBodyError } from './network-error.js';
import { oneLine, redact } from './redact.js';
import { type RequestContext, requestLabel } from './request-context.js';
import { fromStatus } from './status-error.js';
import { badResponse, fromInterrupt, fromNetwork, fromTimeout } from './transport-error.js';

export type { OutcomeContext, RequestContext } from './request-context.js';
export { fromStatus } from './status-error.js';
export { badResponse } from './transport-error.js';

/**
 * Maps the failure of one request to a HelixError: ky's HTTPError and TimeoutError, network
 * failures, unreadable bodies, a Ctrl-C (the abort reason `Interrupt`). A HelixError passes through untouched. Anything else is a
 * fault of ours and comes back as a plain Error (exit 1) with its message scrubbed. The ky
 * error itself is never kept as `cause`: its options hold the request body, secrets included.
 */
export function toHelixError(error: unknown, context: RequestContext): Error {
  if (error instanceof HelixError) return error;
  const interrupt = interruptOf(error);
  if (interrupt) return fromInterrupt(context, interrupt.signal);
  const response = httpErrorResponse(error);
  if (response) return fromStatus(response.status, response.headers, context);
  if (isTimeoutError(error)) return fromTimeout(context);
  if (error instanceof ResponseBodyError) {
    // Headers arrived, the body did not: retried like a network failure, reported as a bad
    // response (or OUTCOME_UNKNOWN for a write, which surely reached the service).
    const reason =
      error.code === 'BODY_TOO_LARGE'
        ? 'the body is too large'
        : `the body was cut off: ${error.code}`;
    return badResponse(reason, context);
  }
  const network = classifyNetworkError(error);
  if (network) return fromNetwork(network, context);
  if (error instanceof SyntaxError) return badResponse('invalid JSON', context);
  return unexpected(error, context);
}

function unexpected(error: unknown, context: RequestContext): Error {
  const name = error instanceof Error ? error.name : typeof error;
  const detail =
    error instanceof Error ? `: ${oneLine(redact(error.message, context.secrets))}` : '';
  const plain = new Error(`unexpected failure during ${requestLabel(context)} (${name}${detail})`);
  if (error instanceof Error && error.stack) plain.stack = redact(error.stack, context.secrets);
  return plain;
}
