import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from './index.js';

export interface ServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningServer {
  /** `http://host:port`, with the real port. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and ends open (keep-alive) connections. */
  close(): Promise<void>;
}

/** Serves an emulator over HTTP with @hono/node-server. */
export async function startServer(
  emulator: Emulator,
  options: ServerOptions,
): Promise<RunningServer> {
  // Loaded here: the in-process (local profile) path never needs an HTTP server.
  const { createAdaptorServer } = await import('@hono/node-server');
  const server = createAdaptorServer({ fetch: emulator.app.fetch }) as Server;
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
    url: `http://${host}:${port}`,
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
