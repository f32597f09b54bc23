import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { BIN, type Sandbox, sandbox } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import {
  type Cred,
  createKeys,
  credentialEnv,
  loginStatus,
  type Row,
} from '../../integration/commands/bulk/bulk-fixture.js';

/**
 * SIGTERM in the middle of `rotate --all`: no new rotation starts, the one in progress still
 * delivers its secret, the JSON document is closed, the rest is reported skipped, exit 130.
 */

const RECORDER = `
import { appendFileSync } from 'node:fs';
appendFileSync(process.argv[2], process.env.HELIX_ACCESS_KEY + '\\t' + process.env.HELIX_CREDENTIAL + '\\n');
`;

let serve: ServeProcess;
let box: Sandbox;

beforeAll(async () => {
  // Each request takes 100 ms: ten keys one at a time leave time to interrupt.
  serve = await startServe({ args: ['--latency', '100'] });
  box = sandbox();
});

afterAll(async () => {
  await serve.stop();
  box.cleanup();
});

it('finishes the rotation in progress, delivers it, and reports the rest skipped', async () => {
  const admin = serve.admin as Cred;
  const keys = await createKeys(
    serve.url,
    admin,
    Array.from({ length: 10 }, (_, i) => `slow-${i}`),
  );
  const script = join(box.home, 'recorder.mjs');
  const received = join(box.home, 'received.txt');
  writeFileSync(script, RECORDER);
  const argv = ['keys', 'rotate', '--all', '--name', 'slow-*', '--json', '--concurrency', '1'];
  const child = execa(
    process.execPath,
    [BIN, ...argv, '--exec', '--', process.execPath, script, received],
    {
      env: { ...box.env, ...credentialEnv(serve.url, admin) },
      extendEnv: false,
      reject: false,
    },
  );
  await vi.waitFor(() => expect(existsSync(received)).toBe(true), {
    timeout: 20_000,
    interval: 20,
  });
  child.kill('SIGTERM');
  const result = await child;
  expect(result.exitCode).toBe(130);
  expect(result.stderr).toMatch(/SIGTERM: finishing the rotations in progress/);
  const rows = JSON.parse(String(result.stdout)) as Row[];
  expect(rows).toHaveLength(10);
  const rotated = rows.filter((r) => r.result === 'rotated');
  const skipped = rows.filter((r) => r.result === 'skipped');
  expect(rotated.length).toBeGreaterThanOrEqual(1);
  expect(rotated.length + skipped.length).toBe(10);
  expect(skipped.length).toBeGreaterThanOrEqual(1);
  for (const row of skipped) expect(row.reason).toMatch(/interrupted/);
  // Every key that was rotated reached the --exec command with a working credential.
  const got = readFileSync(received, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  expect(got.map(([key]) => key).sort()).toEqual(rotated.map((r) => r.access_key).sort());
  for (const [, credential] of got)
    expect(await loginStatus(serve.url, credential as string)).toBe(200);
  // A key never started keeps its old secret.
  const untouched = skipped[0]?.name as string;
  expect(await loginStatus(serve.url, keys.get(untouched) as Cred)).toBe(200);
});
