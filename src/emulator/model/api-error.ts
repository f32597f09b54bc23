import type { ImsErrorBody } from '../../wire/types.js';
import { shown } from './text-rules.js';

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

/**
 * An error the emulator answers with the IMS envelope. `text` goes to the client as-is:
 * it must never carry a secret or a token.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, text: string, headers: Record<string, string> = {}) {
    super(text);
    this.name = 'ApiError';
    this.status = status;
    this.headers = headers;
  }
}

export const badRequest = (text: string) => new ApiError(400, text);
export const unauthorized = (text = 'JWT token is missing or expired') =>
  new ApiError(401, text, { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (text = 'Insufficient permissions') => new ApiError(403, text);
export const notFound = (text: string) => new ApiError(404, text);
/** `ref` comes from the path: it is shown cut and escaped when long or unprintable. */
export const keyNotFound = (ref: string) => notFound(`Access key ${shown(ref)} not found`);

/** The reason phrase of a status, as `message` carries it. */
export function reasonOf(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

/**
 * The IMS error body; `timestamp` is Z-suffixed with microseconds, as in D15. It never throws:
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
