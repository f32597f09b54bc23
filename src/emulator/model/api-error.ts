import { shown } from './text-rules.js';

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
