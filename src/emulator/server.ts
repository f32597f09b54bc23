import { type Server, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Emulator } from './emulator.js';
import { errorBody } from './http/error-body.js';

export interface ServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Serve HTTPS with this certificate chain and key (PEM) instead of HTTP. */
  tls?: { cert: string; key: string } | undefined;
}

export interface RunningServer {
  /** `http://host:port` (`https://` with TLS), with the real port. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and ends open (keep-alive) connections. */
  close(): Promise<void>;
}

const CLIENT_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request timed out'],
};

/**
 * Requests Node's parser refuses before any handler runs (headers over 16 KiB, a malformed
 * request line or header, a bad Content-Length) get the IMS envelope too, instead of Node's
 * bare `400 Bad Request`, and the connection is closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, now: number): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, text] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Malformed HTTP request'];
  const body = JSON.stringify(errorBody(status, text, now));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** A server that listens but answers 503 until {@link ListeningServer.serve} is called. */
export interface ListeningServer extends RunningServer {
  serve(emulator: Emulator): void;
}

/** Serves an emulator over HTTP (or HTTPS) with @hono/node-server. */
export async function startServer(
  emulator: Emulator,
  options: ServerOptions,
): Promise<RunningServer> {
  const server = await listenFirst(options);
  server.serve(emulator);
  return server;
}

/**
 * Binds the port before any emulator exists, so that `serve` on a busy port fails before it
 * creates a database, a tenant or a credential (docs/design.md §4). Requests that arrive
 * before `serve(emulator)` get the IMS error envelope with 503.
 */
export async function listenFirst(options: ServerOptions): Promise<ListeningServer> {
  // Loaded here: the in-process (local profile) path never needs an HTTP server.
  const { createAdaptorServer } = await import('@hono/node-server');
  let target: Emulator | undefined;
  const notYet = () =>
    new Response(JSON.stringify(errorBody(503, 'The emulator is starting', Date.now())), {
      status: 503,
      headers: { 'content-type': 'application/json' },
    });
  const fetch = (request: Request, env: unknown) =>
    target === undefined ? notYet() : target.app.fetch(request, env);
  const server = (
    options.tls === undefined
      ? createAdaptorServer({ fetch })
      : createAdaptorServer({
          fetch,
          createServer: (await import('node:https')).createServer,
          serverOptions: { cert: options.tls.cert, key: options.tls.key },
        })
  ) as Server;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
    answerClientError(error, socket, target?.clock.now() ?? Date.now()),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `${options.tls === undefined ? 'http' : 'https'}://${host}:${port}`,
    port,
    serve(emulator) {
      target = emulator;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
