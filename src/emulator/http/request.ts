import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { authenticate } from '../services/auth.js';
import type { Caller } from '../services/caller.js';
import type { EmulatorContext } from '../services/context.js';
import type { QueryReader } from './list-query.js';

/** The authenticated caller of a request (401 otherwise). */
export function callerOf(ctx: EmulatorContext, c: Context): Caller {
  return authenticate(ctx, c.req.header('authorization'));
}

/** The peer address over HTTP; requests handed to `fetch` in-process share one address. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'in-process';
}

export function queryOf(c: Context): QueryReader {
  return { one: (name) => c.req.query(name), all: () => c.req.queries() };
}

/** A decoded path parameter (hono decodes percent-escapes). */
export function param(c: Context, name: string): string {
  return c.req.param(name) ?? '';
}
