import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { FAULTS, type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import {
  type Cred,
  createKeys,
  credentialEnv,
  loginStatus,
  type Row,
  rowsByName,
} from '../../integration/commands/bulk/bulk-fixture.js';

/**
 * The built binary rotating 50 keys through the fault proxy in front of `helixctl serve`,
 * with exactly three rotation POSTs answered 500: exit 9, 47 working new secrets delivered,
 * 3 failures whose old secrets still work.
 */

const NAMES = Array.from({ length: 50 }, (_, i) => `bulk-${String(i + 1).padStart(2, '0')}`);
const FAILING = ['bulk-07', 'bulk-23', 'bulk-41'];
const RECORDER = `
import { appendFileSync } from 'node:fs';
appendFileSync(process.argv[2], process.env.HELIX_ACCESS_KEY + '\\t' + process.env.HELIX_CREDENTIAL + '\\n');
console.log('child got ' + process.env.HELIX_ACCESS_KEY);
`;

let serve: ServeProcess;
let admin: Cred;
let proxy: FaultProxy;
let box: Sandbox;
let keys: Map<string, Cred>;
let prefix: string;

beforeAll(async () => {
  serve = await startServe();
  admin = serve.admin as Cred;
});

afterAll(async () => {
  await serve.stop();
});

beforeEach(async () => {
  box = sandbox();
  // Fresh keys per test: names carry a per-test prefix so earlier tests do not interfere.
  prefix = `t${Date.now().toString(36)}`;
  keys = await createKeys(
    serve.url,
    admin,
    NAMES.map((n) => `${prefix}-${n}`),
  );
  keys = new Map([...keys].map(([name, cred]) => [name.slice(prefix.length + 1), cred]));
  proxy = await startFaultProxy(serve.url);
  for (const name of FAILING) {
    const path = `/ims/api/v1/access_keys/${keys.get(name)?.accessKey}/secret`;
    proxy.inject({ method: 'POST', path, fault: FAULTS.status(500) });
  }
});

afterEach(async () => {
  await proxy.close();
  box.cleanup();
});

const env = () => ({ ...box.env, ...credentialEnv(proxy.url, admin) });
const rotate = (...extra: string[]) =>
  spawnCli(['keys', 'rotate', '--all', '--name', `${prefix}-bulk-*`, ...extra], {
    env: env(),
  });

async function expectFailuresKeptTheirSecrets(rows: Map<string, Row>): Promise<void> {
  for (const name of FAILING) {
    const row = rows.get(`${prefix}-${name}`);
    expect(row).toMatchObject({
      result: 'failed',
      rotated: false,
      error: { code: 'OUTCOME_UNKNOWN' },
    });
    expect(await loginStatus(serve.url, keys.get(name) as Cred)).toBe(200);
  }
}

describe('rotate --all against serve through the fault proxy (built binary)', () => {
  it('--secret-dir: 47 files of working credentials, 3 failures with their old secrets, exit 9', async () => {
    const dir = join(box.home, 'secrets');
    const result = await rotate('--secret-dir', dir, '--concurrency', '8', '--json');
    expect(result.exitCode).toBe(9);
    const rows = rowsByName(result.stdout);
    expect(rows.size).toBe(50);
    expect([...rows.values()].filter((r) => r.result === 'rotated')).toHaveLength(47);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toHaveLength(47);
    for (const file of files) {
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
      expect(await loginStatus(serve.url, readFileSync(join(dir, file), 'utf8'))).toBe(200);
    }
    for (const name of NAMES.filter((n) => !FAILING.includes(n))) {
      expect(existsSync(join(dir, `${prefix}-${name}.cred`))).toBe(true);
    }
    // A few old secrets are dead (a few only: serve throttles 20 failed logins a minute).
    for (const name of ['bulk-01', 'bulk-25', 'bulk-50']) {
      expect(await loginStatus(serve.url, keys.get(name) as Cred)).toBe(401);
    }
    await expectFailuresKeptTheirSecrets(rows);
    expect(proxy.count('POST', /\/secret$/)).toBe(50);
    expect(result.stderr).toMatch(/rotated 47 of 50 keys, 3 failed/);
  });

  it('--exec: the command gets each credential, our output holds no secret, exit 9', async () => {
    const script = join(box.home, 'recorder.mjs');
    const received = join(box.home, 'received.txt');
    writeFileSync(script, RECORDER);
    const result = await rotate('--json', '--exec', '--', process.execPath, script, received);
    expect(result.exitCode).toBe(9);
    const rows = rowsByName(result.stdout);
    const got = readFileSync(received, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(got).toHaveLength(47);
    for (const [accessKey, credential] of got) {
      expect(await loginStatus(serve.url, credential as string)).toBe(200);
      const secret = /::(\w+),/.exec(credential as string)?.[1] as string;
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
      // The child's stdout went to our stderr: stdout stays one JSON document.
      expect(result.stderr).toContain(`child got ${accessKey}`);
    }
    await expectFailuresKeptTheirSecrets(rows);
  });

  it('--concurrency bounds the rotations in flight', async () => {
    proxy.clear();
    const slow = await startServe({ args: ['--latency', '40'] });
    try {
      const slowProxy = await startFaultProxy(slow.url);
      const slowAdmin = slow.admin as Cred;
      await createKeys(slow.url, slowAdmin, NAMES.slice(0, 12));
      const run = async (n: string) => {
        slowProxy.resetPeak();
        const args = ['keys', 'rotate', '--all', '--name', 'bulk-*', '--json', '--concurrency', n];
        const result = await spawnCli(args, {
          env: { ...box.env, ...credentialEnv(slowProxy.url, slowAdmin) },
        });
        expect(result.exitCode).toBe(0);
        return slowProxy.peakInFlight;
      };
      expect(await run('1')).toBe(1);
      expect(await run('4')).toBe(4);
      await slowProxy.close();
    } finally {
      await slow.stop();
    }
  });
});
