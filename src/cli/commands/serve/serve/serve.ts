import { readFile } from 'node:fs/promises';
import { formatCredential } from '../../../../core/credential.js';
import { HelixError, ServiceError, UsageError } from '../../../../core/errors.js';
import { ownSignal } from '../../../../core/interrupt.js';
import type { Emulator } from '../../../../emulator/index.js';
import { generateTls, readTlsFiles, type ServeTls } from './tls.js';

/** What serve() runs with: the `serve` flags resolved (database path chosen, quiet known). */
export interface ServeConfig {
  host: string;
  port: number;
  /** SQLite file or `:memory:`. */
  db: string;
  /** Path of a JSON seed file, applied when the database is empty. */
  seed?: string | undefined;
  testClock: boolean;
  /** No request log on stderr. */
  quiet: boolean;
  latencyMs?: number | undefined;
  /** HTTPS with a generated certificate; `tlsCert` + `tlsKey` give one instead. */
  tls?: boolean | undefined;
  tlsCert?: string | undefined;
  tlsKey?: string | undefined;
  /** `--new-admin-credential`: issue and print a fresh administrator key, keys kept. */
  newAdminCredential?: boolean | undefined;
}

export interface ServeIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const SWEEP_EVERY_MS = 60_000;

function checkOptions(options: ServeConfig): void {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) {
    throw new UsageError(
      `--port must be an integer between 0 and 65535 (got ${String(options.port)})`,
    );
  }
  if (options.host.trim() === '') throw new UsageError('--host must not be empty');
  if (options.db.trim() === '') throw new UsageError('--db must be a file path or :memory:');
  const latency = options.latencyMs;
  if (latency !== undefined && (!Number.isFinite(latency) || latency < 0)) {
    throw new UsageError('--latency must be a number of milliseconds >= 0');
  }
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
    throw new UsageError('--tls-cert and --tls-key go together');
  }
  if (options.tls && options.tlsCert !== undefined) {
    throw new UsageError(
      '--tls generates a certificate: give either --tls or --tls-cert/--tls-key',
    );
  }
}

async function tlsOf(options: ServeConfig): Promise<ServeTls | undefined> {
  if (options.tlsCert !== undefined && options.tlsKey !== undefined) {
    return readTlsFiles(options.tlsCert, options.tlsKey);
  }
  return options.tls ? generateTls() : undefined;
}

async function readSeed(path: string | undefined): Promise<unknown> {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read seed file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`seed file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function cannotListen(options: ServeConfig, error: unknown): ServiceError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const why = code === 'EADDRINUSE' ? 'the port is already in use' : code;
  return new ServiceError(
    `cannot listen on ${options.host}:${options.port}: ${why}; nothing was created or changed`,
    { hint: 'pick another --port (0 picks a free one), or stop what listens there' },
  );
}

/**
 * The administrator credential goes to stdout when this start bootstrapped the database, when
 * an earlier start created one but never printed it (the database remembers), or when
 * `--new-admin-credential` asks for a fresh one. Only after the line was written is it marked
 * delivered, so a start that dies before that prints a new one next time.
 */
function deliverAdminCredential(emulator: Emulator, options: ServeConfig, io: ServeIo): void {
  const wanted = options.newAdminCredential === true || emulator.adminCredentialPending();
  const admin =
    emulator.bootstrap?.adminCredential ?? (wanted ? emulator.issueAdminCredential() : undefined);
  if (admin === undefined) {
    if (options.newAdminCredential) {
      throw new UsageError(
        `--new-admin-credential: database ${options.db} has no emulator administrator (a seeded database holds its own credentials)`,
      );
    }
    return;
  }
  io.stdout(formatCredential(admin));
  emulator.adminCredentialDelivered();
  if (!options.quiet) io.stderr('admin credential printed on stdout: it is shown only this once');
}

function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    // Marked: the run-wide Ctrl-C handler leaves the shutdown to us.
    const stop = ownSignal(() => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * `helixctl serve`: the IMS emulator over HTTP (or HTTPS) until SIGINT/SIGTERM (or `signal`). On a fresh
 * database the admin credential goes to stdout, once, in the copy format; everything else
 * (the listening line, request log) goes to stderr. Returns the exit code.
 */
export async function serve(
  options: ServeConfig,
  io: ServeIo,
  signal?: AbortSignal,
): Promise<number> {
  checkOptions(options);
  const seed = await readSeed(options.seed);
  const { createEmulator, listenFirst } = await import('../../../../emulator/index.js');
  const tls = await tlsOf(options);
  // Listen first: a busy port must fail before anything is created (README, "serve").
  const server = await listenFirst({
    host: options.host,
    port: options.port,
    tls: tls && { cert: tls.cert, key: tls.key },
  }).catch(async (error: unknown) => {
    await tls?.dispose();
    throw cannotListen(options, error);
  });
  let emulator: ReturnType<typeof createEmulator>;
  try {
    emulator = createEmulator({
      db: options.db,
      seed,
      testClock: options.testClock,
      latencyMs: options.latencyMs,
      log: options.quiet ? undefined : io.stderr,
      // Unexpected errors are reported even when quiet.
      logError: io.stderr,
    });
  } catch (error) {
    await server.close();
    await tls?.dispose();
    if (error instanceof HelixError) throw error;
    throw new UsageError(
      `cannot open database ${options.db}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  try {
    deliverAdminCredential(emulator, options, io);
  } catch (error) {
    await server.close();
    emulator.close();
    await tls?.dispose();
    throw error;
  }
  server.serve(emulator);
  if (seed !== undefined && emulator.initialized === 'existing') {
    io.stderr(`seed ignored: database ${options.db} already holds data`);
  }
  io.stderr(`helixctl emulator listening on ${server.url} (db: ${options.db})`);
  if (tls?.caPath !== undefined) {
    io.stderr(`TLS CA certificate: ${tls.caPath}`);
    io.stderr(
      `  trust it with NODE_EXTRA_CA_CERTS=${tls.caPath} or helixctl login --ca-file ${tls.caPath}`,
    );
  }
  const timer = setInterval(() => {
    try {
      emulator.sweep();
    } catch (error) {
      io.stderr(`notification sweep failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }, SWEEP_EVERY_MS);
  timer.unref();
  await untilStopped(signal);
  clearInterval(timer);
  await server.close();
  emulator.close();
  await tls?.dispose();
  if (!options.quiet) io.stderr('helixctl emulator stopped');
  return 0;
}
