import {
  AuthError,
  type HelixError,
  NotFoundError,
  PermissionError,
  RuleError,
  ServiceError,
} from '../core/errors.js';
import { parseImsErrorBody } from './ims-error-body.js';
import { oneLine, redact } from './redact.js';
import { mutates, type RequestContext, requestLabel } from './request-context.js';
import { describeRetryAfter } from './retry-after.js';
import { outcomeUnknown } from './transport-error.js';

const REFUSED = new Set([400, 409, 413, 422]);
const SERVER_CODES: Readonly<Record<number, string>> = {
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/**
 * Maps an HTTP error status. The message uses the IMS envelope's `error` text when the body
 * is that envelope (scrubbed, one line) and our own words otherwise: never the raw body.
 */
export function fromStatus(status: number, headers: Headers, context: RequestContext): HelixError {
  const label = requestLabel(context);
  const envelope = parseImsErrorBody(context.body);
  const text = envelope?.error ? oneLine(redact(envelope.error, context.secrets)) : undefined;
  const code =
    envelope?.message && /^[A-Z][A-Z0-9_]*$/.test(envelope.message) ? envelope.message : undefined;
  if (REFUSED.has(status)) {
    return new RuleError(text ?? `the service refused ${label} (HTTP ${status})`, { status, code });
  }
  if (status === 401) {
    return new AuthError(text ?? `not authenticated: the service refused the token for ${label}`, {
      status,
      hint: 'log in again with `helixctl login`',
    });
  }
  if (status === 403) {
    return new PermissionError(`permission denied: ${text ?? label}`, {
      status,
      hint: 'a tenant administrator can grant this key the role it needs',
    });
  }
  if (status === 404) return new NotFoundError(text ?? `not found: ${label}`, { status, code });
  if (status === 429) return rateLimited(headers.get('retry-after'), label);
  if (status >= 500) return fromServerError(status, headers, text, context);
  if (status >= 300 && status < 400) return redirected(status, headers.get('location'), label);
  if (status === 405) {
    return new ServiceError(`the service does not support ${label} (HTTP 405)`, {
      status,
      code: 'UNSUPPORTED',
    });
  }
  return new ServiceError(`unexpected HTTP ${status} from ${label}`, {
    status,
    code: `HTTP_${status}`,
  });
}

function fromServerError(
  status: number,
  headers: Headers,
  text: string | undefined,
  context: RequestContext,
): HelixError {
  // 501 and 503 say the request was not acted on; other 5xx may come after the work was done.
  if (mutates(context) && status !== 501 && status !== 503) {
    return outcomeUnknown(`HTTP ${status}`, context, status);
  }
  const when = describeRetryAfter(headers.get('retry-after'));
  return new ServiceError(
    `service error (HTTP ${status}) on ${requestLabel(context)}${text ? `: ${text}` : ''}`,
    {
      status,
      code: SERVER_CODES[status] ?? 'SERVER_ERROR',
      hint: when ? `the service asks to retry ${when}` : 'try again later',
    },
  );
}

function rateLimited(retryAfter: string | null, label: string): HelixError {
  const when = describeRetryAfter(retryAfter);
  return new ServiceError(`rate limited by the service on ${label}; retry ${when ?? 'later'}`, {
    status: 429,
    code: 'RATE_LIMITED',
    hint: when
      ? `the service's Retry-After asks to wait; try again ${when}`
      : 'the service sent no Retry-After; wait a minute and try again',
  });
}

function redirected(status: number, location: string | null, label: string): HelixError {
  let target = '';
  try {
    // Only the origin: a redirect URL may carry session state in its query.
    if (location) target = ` to ${new URL(location).origin}`;
  } catch {
    target = '';
  }
  return new ServiceError(`the service redirected ${label} (HTTP ${status}${target})`, {
    status,
    code: 'REDIRECTED',
    hint: 'set the portal URL (--url) to the address the service redirects to',
  });
}
