import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { badRequest, notFound } from '../model/api-error.js';
import { shown, textProblem } from '../model/text-rules.js';
import type { QueryReader } from './list-query.js';

/** The Authorization header as sent; the auth service judges the credential in it. */
export function authorizationOf(c: Context): string | undefined {
  return c.req.header('authorization');
}

/** The peer address over HTTP; requests handed to `fetch` in-process share one address. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'in-process';
}

/**
 * The query parameters. Unknown names are ignored, as a Spring controller ignores them; a
 * single-valued parameter given twice is refused (400) rather than read as its first value.
 */
export function queryOf(c: Context): QueryReader {
  let parsed: Record<string, string[]> | undefined;
  const all = () => {
    parsed ??= c.req.queries();
    return parsed;
  };
  return {
    one(name) {
      const values = Object.hasOwn(all(), name) ? all()[name] : undefined;
      if (values && values.length > 1) throw badRequest(`${name} must be given once`);
      return values?.[0];
    },
    all,
  };
}

/** Longest path parameter looked up: ids and access keys are far shorter. */
export const MAX_PATH_PARAM = 256;

/**
 * A decoded path parameter (hono decodes percent-escapes). One that is absurdly long or holds
 * control characters or broken Unicode names nothing: 404 before any lookup.
 */
export function param(c: Context, name: string): string {
  const value = c.req.param(name) ?? '';
  if (value.length > MAX_PATH_PARAM || textProblem(value) !== undefined) {
    throw notFound(`No resource at ${shown(c.req.path)}`);
  }
  return value;
}
