import type { ImsErrorBody } from '../../wire/types.js';

const REASONS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/** The reason phrase of a status, as `message` carries it. */
export function reasonOf(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

/**
 * The IMS error body (docs/ims-api.md §5); `timestamp` Z-suffixed, microseconds. It never throws:
 * an instant outside the Date range falls back to the real time.
 */
export function errorBody(status: number, text: string, nowMs: number): ImsErrorBody {
  const at = new Date(nowMs);
  const when = Number.isNaN(at.getTime()) ? new Date() : at;
  return {
    timestamp: `${when.toISOString().slice(0, 23)}000Z`,
    code: status,
    message: reasonOf(status),
    error: text,
  };
}
