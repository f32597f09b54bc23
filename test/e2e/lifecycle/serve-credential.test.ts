import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createEmulator } from '../../../src/emulator/index.js';
import { spawnCli } from '../../helpers/cli.js';
import { useSandbox } from '../../helpers/lifecycle.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';

/**
 * Issue 10 case 9: `helixctl serve` on a busy port used to create the tenant and its admin key,
 * fail to bind and never print the credential; every later start printed nothing and the
 * database was unusable. Now it listens first (busy port: exit 7, one line, no database), a
 * credential never printed is printed at the next start, and `--new-admin-credential` issues
 * a fresh one without losing keys.
 */
const sb = useSandbox();

async function busyPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

async function whoami(serve: ServeProcess, credential: string) {
  return spawnCli(['whoami', '--json'], {
    env: { ...sb.env, HELIX_URL: serve.url, HELIX_CREDENTIAL: credential },
  });
}

it('a busy port is one line, exit 7, and creates nothing', async () => {
  const { server, port } = await busyPort();
  try {
    const db = join(sb.home, 'busy.db');
    const r = await spawnCli(['serve', '--port', String(port), '--db', db], { env: sb.env });
    expect(r.exitCode).toBe(7);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `error: cannot listen on 127.0.0.1:${port}: the port is already in use; nothing was created or changed`,
    );
    expect(r.stderr).not.toContain('EADDRINUSE');
    expect(existsSync(db)).toBe(false);
    // The next start on a free port bootstraps and prints the credential, which logs in.
    const serve = await startServe({ db });
    try {
      expect(serve.credentialText).toBeDefined();
      expect((await whoami(serve, serve.credentialText as string)).exitCode).toBe(0);
    } finally {
      await serve.stop();
    }
  } finally {
    server.close();
  }
}, 60_000);

it('a credential that was never printed is printed at the next start, once', async () => {
  const db = join(sb.home, 'lost.db');
  // A start that created the admin key and died before printing it.
  createEmulator({ db }).close();
  const first = await startServe({ db });
  let printed: string;
  try {
    expect(first.credentialText).toMatch(/^key:/);
    printed = first.credentialText as string;
    expect((await whoami(first, printed)).exitCode).toBe(0);
  } finally {
    await first.stop();
  }
  const second = await startServe({ db });
  try {
    expect(second.credentialText).toBeUndefined();
    expect((await whoami(second, printed)).exitCode).toBe(0);
  } finally {
    await second.stop();
  }
}, 60_000);

it('--new-admin-credential prints a fresh administrator key and keeps the others', async () => {
  const db = join(sb.home, 'again.db');
  const first = await startServe({ db });
  const old = first.credentialText as string;
  await first.stop();
  const again = await startServe({ db, args: ['--new-admin-credential'] });
  try {
    const fresh = again.credentialText as string;
    expect(fresh).toMatch(/^key:/);
    expect(fresh).not.toBe(old);
    const viaFresh = await whoami(again, fresh);
    expect(viaFresh.exitCode, viaFresh.stderr).toBe(0);
    expect(JSON.parse(viaFresh.stdout).permissions).toContain('*');
    expect((await whoami(again, old)).exitCode).toBe(0);
  } finally {
    await again.stop();
  }
}, 60_000);
