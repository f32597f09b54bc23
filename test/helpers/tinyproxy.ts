import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/** A real forward proxy (Debian's tinyproxy, installed by .ci/run) on loopback. */
export interface RealProxy {
  /** `http://127.0.0.1:<port>` (no credentials). */
  url: string;
  port: number;
  /** The proxy's own log: one `Request ... CONNECT host:port` line per tunnel it opened. */
  log(): string;
  /** CONNECT requests logged for `hostPort` (e.g. `127.0.0.1:44473`). */
  connects(hostPort: string): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts `tinyproxy -d` (foreground, never a system service) with its own config and log in
 * a temp folder, listening on 127.0.0.1 only; `auth` turns on Basic proxy authentication.
 */
export async function startTinyproxy(
  options: { auth?: { user: string; password: string } } = {},
): Promise<RealProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'helixctl-tinyproxy-'));
  const logFile = join(dir, 'tinyproxy.log');
  const port = await freePort();
  const config = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    `LogFile "${logFile}"`,
    'LogLevel Info',
    'MaxClients 50',
    'Allow 127.0.0.1',
    ...(options.auth ? [`BasicAuth ${options.auth.user} ${options.auth.password}`] : []),
  ];
  writeFileSync(join(dir, 'tinyproxy.conf'), `${config.join('\n')}\n`);
  const child = execa('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], {
    reject: false,
    stdio: 'ignore',
  });
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  const deadline = Date.now() + 10_000;
  while (!log().includes('Accepting connections')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await child;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`tinyproxy did not start (is it installed? .ci/run installs it):\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    connects: (hostPort) =>
      log()
        .split('\n')
        .filter((line) => line.includes(`CONNECT ${hostPort} `)).length,
    async stop() {
      child.kill('SIGTERM');
      await child;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
