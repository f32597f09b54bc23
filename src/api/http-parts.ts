import { UsageError } from '../core/errors.js';
import { badResponse, type RequestContext } from './errors.js';
import { httpErrorResponse } from './ky-shapes.js';

/** The portal URL, checked: http(s), no user info (it would reach traces), no query. */
export function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`invalid portal URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`the portal URL must be http(s): ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new UsageError('the portal URL must not contain a user name or password');
  }
  url.search = '';
  url.hash = '';
  return url;
}

/** A 2xx body that must be a JSON object or array. */
export function parseJsonBody<T>(text: string, context: RequestContext): T {
  if (text.trim() === '') throw badResponse('empty body', context);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badResponse('invalid JSON', context);
  }
  if (value === null || typeof value !== 'object') throw badResponse('not a JSON object', context);
  return value as T;
}

/** The (already buffered) body of an HTTP error, for its IMS `error` text. */
export async function errorBody(error: unknown): Promise<string | undefined> {
  try {
    return await httpErrorResponse(error)?.text();
  } catch {
    return undefined;
  }
}
