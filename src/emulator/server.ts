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

/** Serves an emulator over HTTP with @hono/node-server. */
export async function startServer(
  emulator: Emulator,
  options: ServerOptions,
): Promise<RunningServer> {
  // Loaded here: the in-process (local profile) path never needs an HTTP server.
  const { createAdaptorServer } = await import('@hono/node-server');
  const server = (
    options.tls === undefined
      ? createAdaptorServer({ fetch: emulator.app.fetch })
      : createAdaptorServer({
          fetch: emulator.app.fetch,
          createServer: (await import('node:https')).createServer,
          serverOptions: { cert: options.tls.cert, key: options.tls.key },
        })
  ) as Server;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
    answerClientError(error, socket, emulator.clock.now()),
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
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
