// Child process: the emulator over loopback HTTP, exactly as `helixctl serve` builds it
// (createEmulator + startServer from dist/), with the bench's options. Prints one JSON line
// `{ url, driver, seededMs }` on stdout once listening; stops on SIGTERM.
import { readFileSync } from 'node:fs';
import { createEmulator, startServer } from '../../dist/emulator/index.js';

const options = JSON.parse(process.argv[2] ?? '{}');
const started = performance.now();
const emulator = createEmulator({
  db: options.db ?? ':memory:',
  seed: options.seed ? JSON.parse(readFileSync(options.seed, 'utf8')) : undefined,
  latencyMs: options.latencyMs,
  pageCache: options.pageCache,
  logError: (line) => process.stderr.write(`${line}\n`),
});
const seededMs = performance.now() - started;
const server = await startServer(emulator, { host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url: server.url, driver: emulator.driver, seededMs })}\n`);
process.once('SIGTERM', async () => {
  await server.close();
  emulator.close();
});
