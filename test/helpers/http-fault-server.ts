import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback HTTP server (127.0.0.1, port 0) scripted per test: each route answers with a
 * status and body, or misbehaves on purpose (reset, hang, truncated body). It records every
 * request so tests can count what actually reached the wire. Test infrastructure, not a mock
 * of our code: it speaks plain HTTP and knows nothing of the client.
 */

export type FaultAction =
  /** A normal answer; an object body is sent as JSON. `delayMs` waits before answering. */
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /** Destroys the socket after reading the request: no status line at all. */
  | { reset: true }
  /** Never answers (until the server closes). */
  | { hang: true }
  /**
   * Sends the status and headers with the full Content-Length, then part of the body, then
   * closes the socket (or, with `hang`, stalls until the server closes).
   */
  | { truncate: { status?: number; body: string; sentBytes: number; hang?: boolean } };

export interface RecordedRequest {
  method: string;
  /** The path without query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers the `n`-th request (1-based) of its route. */
export type FaultHandler = (
  request: RecordedRequest,
  n: number,
) => FaultAction | Promise<FaultAction>;

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Requests that matched no route (answered 404): a test should expect none. */
  readonly unmatched: RecordedRequest[];
  /** Sets the answer of `METHOD path`: a handler, or a fixed action for every request. */
  on(method: string, path: string, answer: FaultHandler | FaultAction): void;
  /** Answers in turn; the last one repeats. */
  sequence(method: string, path: string, actions: FaultAction[]): void;
  count(method: string, path: string): number;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const routes = new Map<string, { handler: FaultHandler; n: number }>();
  const requests: RecordedRequest[] = [];
  const unmatched: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(recorded);
    const route = routes.get(`${recorded.method} ${recorded.path}`);
    if (!route) {
      unmatched.push(recorded);
      send(res, {
        status: 404,
        body: imsError(404, `no route for ${recorded.method} ${recorded.path}`),
      });
      return;
    }
    route.n += 1;
    await perform(res, await route.handler(recorded, route.n));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const on = (method: string, path: string, answer: FaultHandler | FaultAction): void => {
    const handler = typeof answer === 'function' ? answer : () => answer;
    routes.set(`${method.toUpperCase()} ${path}`, { handler, n: 0 });
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    unmatched,
    on,
    sequence: (method, path, actions) =>
      on(method, path, (_req, n) => actions[Math.min(n, actions.length) - 1] ?? { status: 500 }),
    count: (method, path) =>
      requests.filter((r) => r.method === method.toUpperCase() && r.path === path).length,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The IMS error envelope `{timestamp, code, message, error}`. */
export function imsError(code: number, error: string): Record<string, unknown> {
  const reasons: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    429: 'TOO_MANY_REQUESTS',
    500: 'INTERNAL_SERVER_ERROR',
    503: 'SERVICE_UNAVAILABLE',
  };
  return { timestamp: new Date().toISOString(), code, message: reasons[code] ?? 'ERROR', error };
}

async function perform(res: ServerResponse, action: FaultAction): Promise<void> {
  if ('reset' in action) {
    res.socket?.destroy();
    return;
  }
  if ('hang' in action) return;
  if ('truncate' in action) {
    const { status = 200, body, sentBytes, hang = false } = action.truncate;
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(bytes.length),
    });
    res.write(bytes.subarray(0, sentBytes), () => {
      if (!hang) res.socket?.destroy();
    });
    return;
  }
  if (action.delayMs) await new Promise((resolve) => setTimeout(resolve, action.delayMs));
  send(res, action);
}

function send(
  res: ServerResponse,
  action: { status: number; body?: unknown; headers?: Record<string, string> },
): void {
  if (res.destroyed) return;
  const text =
    action.body === undefined
      ? ''
      : typeof action.body === 'string'
        ? action.body
        : JSON.stringify(action.body);
  const type = typeof action.body === 'string' ? 'text/html' : 'application/json';
  res.writeHead(action.status, {
    ...(text ? { 'content-type': type } : {}),
    'content-length': String(Buffer.byteLength(text)),
    ...action.headers,
  });
  res.end(text);
}
