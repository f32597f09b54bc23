import type { ImsErrorBody } from '../../api/types.js';

const REASONS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
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
export const keyNotFound = (key: string) => notFound(`Access key ${key} not found`);

/** The IMS error body; `timestamp` is Z-suffixed with microseconds, as in D15. */
export function errorBody(status: number, text: string, nowMs: number): ImsErrorBody {
  return {
    timestamp: `${new Date(nowMs).toISOString().slice(0, 23)}000Z`,
    code: status,
    message: REASONS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST'),
    error: text,
  };
}
