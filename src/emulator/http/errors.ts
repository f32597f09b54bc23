import type { Context, Hono } from 'hono';
import { ApiError } from '../model/api-error.js';
import { shown } from '../model/text-rules.js';
import { errorBody } from './error-body.js';

type Log = (line: string) => void;

function send(c: Context, error: ApiError, now: number): Response {
  const response = c.json(errorBody(error.status, error.message, now), error.status as 400);
  for (const [name, value] of Object.entries(error.headers)) response.headers.set(name, value);
  return response;
}

function isBusy(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'SQLITE_BUSY' ||
    (typeof message === 'string' && /database is locked|SQLITE_BUSY/.test(message))
  );
}

function routePattern(path: string): RegExp {
  const escaped = path
    .split(/(:[A-Za-z_]+)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${escaped.join('')}$`);
}

/**
 * Every error in the IMS envelope: ApiErrors as they are, an unknown path 404, a known path
 * with another method 405 (with `Allow`), a locked database 503, anything else 500 (logged
 * here, never shown to the client).
 */
export function installErrorHandling(app: Hono, now: () => number, log: Log): void {
  let patterns: Array<{ re: RegExp; method: string }> | undefined;
  app.notFound((c) => {
    patterns ??= app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ re: routePattern(r.path), method: r.method }));
    const path = c.req.path;
    const allowed = [...new Set(patterns.filter((p) => p.re.test(path)).map((p) => p.method))];
    if (allowed.length > 0) {
      return send(
        c,
        new ApiError(405, `Method ${shown(c.req.method, 16)} is not allowed on ${shown(path)}`, {
          Allow: allowed.join(', '),
        }),
        now(),
      );
    }
    return send(c, new ApiError(404, `No resource at ${shown(path)}`), now());
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) return send(c, error, now());
    if (isBusy(error))
      return send(
        c,
        new ApiError(503, 'The database is busy; retry shortly', { 'Retry-After': '1' }),
        now(),
      );
    log(`error: ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return send(c, new ApiError(500, 'Internal server error'), now());
  });
}
