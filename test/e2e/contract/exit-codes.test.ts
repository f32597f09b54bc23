import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { EXIT_CODE_MEANINGS } from '../../../src/core/exit-codes.js';
import { BIN, spawnCli } from '../../helpers/cli.js';
import { basic } from '../../helpers/emulator-seed.js';
import { useSandbox, useServe } from '../../helpers/lifecycle.js';

/**
 * Every row of the exit-code table (README "Exit codes", docs/cli-contract.md §8), each
 * reached by the built binary the way a user would reach it. Exit 1 is a bug by definition:
 * no honest command line reaches it, so its mapping is pinned by test/unit/output/errors.test.ts
 * ("gives bugs the INTERNAL code and exit 1") instead. The last test checks that both tables
 * list exactly the codes proven here, so a row cannot be added or dropped unnoticed.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = resolve(ROOT, 'test/fixtures/seed-basic.json');
const proven = new Set<number>();
const UNIT_PROVEN = [1];

const sb = useSandbox({}, 'file');
const serve = useServe({ args: ['--seed', SEED] });
let scripts: string;
beforeAll(() => {
  scripts = mkdtempSync(join(tmpdir(), 'helixctl-exit-'));
});
afterAll(() => rmSync(scripts, { recursive: true, force: true }));

const local = (argv: string[], extra: Record<string, string> = {}) =>
  spawnCli(['--profile', 'local', ...argv], { env: { ...sb.env, ...extra } });

/** Against the serve process with one of the seed's credentials, from the environment. */
const asKey = (credential: typeof basic.acmeAdmin, argv: string[], url = serve.url) =>
  spawnCli(argv, {
    env: {
      ...sb.env,
      HELIX_URL: url,
      HELIX_CREDENTIAL: formatCredential({ ...credential, tenantId: credential.tenantId ?? '' }),
    },
  });

async function expectExit<R extends { exitCode: number; stderr: string }>(
  code: number,
  run: Promise<R>,
): Promise<R> {
  const r = await run;
  expect({ exitCode: r.exitCode, stderr: r.stderr }).toMatchObject({ exitCode: code });
  // Whatever the code, a failure is told in words, never as a stack trace.
  expect(r.stderr).not.toMatch(/\n\s+at /);
  proven.add(code);
  return r;
}

/** A script that passes the --exec check (a file, executable) but cannot be started. */
function script(name: string, interpreter: string): string {
  const path = join(scripts, name);
  writeFileSync(path, `#!${interpreter}\nexit 0\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('every exit code, from the built binary', () => {
  it('0: success', async () => {
    await expectExit(0, local(['keys', 'add', 'demo', '--expires', '30d', '--no-copy']));
    await expectExit(0, local(['keys', 'list']));
  });

  it('2: usage; an --exec command missing before any change is 2, not 127', async () => {
    await expectExit(2, local(['keys', 'list', '--bogus']));
    const before = JSON.parse((await local(['keys', 'show', 'demo', '--json'])).stdout);
    const r = await expectExit(
      2,
      local(['keys', 'rotate', 'demo', '--exec', '--', join(scripts, 'nonexistent')]),
    );
    expect(r.stderr).toContain('command not found');
    expect(r.stdout).toBe('');
    const after = JSON.parse((await local(['keys', 'show', 'demo', '--json'])).stdout);
    expect(after).toEqual(before);
  });

  it('3: not authenticated (no credentials; a wrong secret)', async () => {
    await expectExit(3, spawnCli(['keys', 'list'], { env: { ...sb.env, HELIX_URL: serve.url } }));
    const wrong = { ...basic.bobLaptop, secretKey: 'W'.repeat(50) };
    await expectExit(3, asKey(wrong, ['keys', 'list']));
  });

  it("4: permission denied (a plain user asks for another user's keys)", async () => {
    await expectExit(4, asKey(basic.bobLaptop, ['keys', 'list', '--user', basic.users.alice]));
  });

  it('5: not found', async () => {
    await expectExit(5, local(['keys', 'show', 'no-such-key']));
  });

  it('6: refused by a rule (a <tenant id>@ key is never rotated)', async () => {
    await expectExit(6, asKey(basic.acmeAdmin, ['keys', 'rotate', basic.onboardingName]));
  });

  it('7: network failure (a closed port)', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    await expectExit(7, asKey(basic.acmeAdmin, ['keys', 'list'], url));
  });

  it('7: serve on a busy port says so in one line, creating nothing', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const { port } = blocker.address() as { port: number };
    const db = join(scripts, 'busy.db');
    try {
      const r = await expectExit(
        7,
        spawnCli(['serve', '--port', String(port), '--db', db], { env: sb.env }),
      );
      expect(r.stderr.split('\n')[0]).toBe(
        `error: cannot listen on 127.0.0.1:${port}: the port is already in use; nothing was created or changed`,
      );
      expect(r.stderr).not.toContain('EADDRINUSE');
      expect(existsSync(db)).toBe(false);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });

  it('8: input needed (a confirmation without --yes; keys copy with no clipboard)', async () => {
    await expectExit(8, local(['keys', 'delete', 'demo']));
    const r = await expectExit(8, local(['keys', 'copy']));
    expect(r.stderr).toContain('hint: use --print');
  });

  it('9: a new secret that could not be delivered (stdout is /dev/full)', async () => {
    const argv = [BIN, '--profile', 'local', 'keys', 'add', 'lost', '--expires', '1d'];
    const quoted = argv.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
    const child = spawn('sh', ['-c', `'${process.execPath}' ${quoted} > /dev/full`], {
      env: sb.env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exitCode = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
    await expectExit(9, Promise.resolve({ exitCode, stderr }));
    expect(stderr).toContain('was not delivered');
  });

  it('10: keys check found expiring keys', async () => {
    await expectExit(0, local(['keys', 'add', 'soon', '--expires', '1d', '--no-copy']));
    await expectExit(10, local(['keys', 'check']));
  });

  it('126, 127: the --exec command cannot start once the secret exists', async () => {
    // Both pass the check before the rotation (executable files); only starting them fails.
    const missing = script('missing-interpreter', join(scripts, 'no-such-interpreter'));
    const notFound = await expectExit(
      127,
      local(['keys', 'rotate', 'demo', '--exec', '--', missing]),
    );
    expect(notFound.stdout).toContain('Secret key:');
    const plain = join(scripts, 'not-executable');
    writeFileSync(plain, '#!/bin/sh\nexit 0\n');
    chmodSync(plain, 0o644);
    const denied = script('plain-interpreter', plain);
    const notExec = await expectExit(
      126,
      local(['keys', 'rotate', 'demo', '--exec', '--', denied]),
    );
    expect(notExec.stdout).toContain('Secret key:');
  });

  it('130: SIGTERM while a request hangs', async () => {
    const sockets = new Set<Socket>();
    let connected!: () => void;
    const reached = new Promise<void>((done) => {
      connected = done;
    });
    const server: Server = createServer((socket) => {
      sockets.add(socket);
      connected();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    try {
      const child = spawn(process.execPath, [BIN, 'keys', 'list'], {
        env: {
          ...sb.env,
          HELIX_URL: `http://127.0.0.1:${port}`,
          HELIX_CREDENTIAL: formatCredential({
            ...basic.acmeAdmin,
            tenantId: basic.acmeAdmin.tenantId ?? '',
          }),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const ended = new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
      await reached;
      child.kill('SIGTERM');
      await expectExit(
        130,
        ended.then((exitCode) => ({ exitCode, stderr })),
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    }
  });
});

/** The codes in the first column of the table under `heading` (`126, 127` is two codes). */
function tableCodes(file: string, heading: RegExp): number[] {
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  const start = text.search(heading);
  expect(start, `${file}: ${heading}`).toBeGreaterThan(-1);
  const rows = text.slice(start).split('\n');
  const first = rows.findIndex((line) => line.startsWith('| code'));
  const codes: number[] = [];
  for (const line of rows.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    const cell = line.split('|')[1]?.trim() ?? '';
    for (const code of cell.split(',')) codes.push(Number(code.trim()));
  }
  return codes;
}

describe('the documented tables', () => {
  it('list exactly the codes proven above (plus 1, proven by a unit test)', () => {
    const all = [...proven, ...UNIT_PROVEN].sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 126, 127, 130]);
    expect(tableCodes('README.md', /^## Exit codes$/m)).toEqual(all);
    expect(tableCodes('docs/cli-contract.md', /^## 8\. Exit codes/m)).toEqual(all);
    // Every code helixctl defines is in the table (126 and 127 are the shell's, from --exec).
    const defined = Object.keys(EXIT_CODE_MEANINGS).map(Number);
    expect(all.filter((code) => code !== 126 && code !== 127)).toEqual(defined);
  });
});
