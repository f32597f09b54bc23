import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { BIN, type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { useServe } from '../../helpers/lifecycle.js';

/**
 * Racing writers with the built binary against `helixctl serve`: 20 logins at once in one
 * HOME, each to its own profile, find all 20 profiles and secrets intact. 5 rounds here (a
 * round spawns 20 processes); the 50-round run is in-process:
 * test/integration/config/parallel-logins.test.ts. Then: a login killed with SIGKILL leaves
 * no secret in a temporary file once `logout` or the next writer has run.
 */
const serve = useServe();
const boxes: Sandbox[] = [];
afterEach(() => {
  for (const box of boxes.splice(0)) box.cleanup();
});

function admin() {
  if (!serve.admin) throw new Error('serve printed no admin credential');
  return serve.admin;
}

function login(box: Sandbox, name: string) {
  return spawnCli(['login', '--url', serve.url, '--profile', name, '--credential-stdin'], {
    env: box.env,
    input: formatCredential(admin()),
  });
}

it('20 parallel logins (built binary) keep all 20 profiles and secrets, 5 rounds', async () => {
  for (let round = 0; round < 5; round += 1) {
    const box = sandbox();
    boxes.push(box);
    const names = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const results = await Promise.all(names.map((name) => login(box, name)));
    for (const result of results) expect(result.exitCode, result.stderr).toBe(0);
    const dir = join(box.home, '.config', 'helixctl');
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    const secrets = JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'));
    expect(Object.keys(config.profiles).sort(), `round ${round}`).toEqual([...names].sort());
    for (const name of names) expect(secrets.profiles[name]?.secret_key).toBe(admin().secretKey);
    expect(readdirSync(dir).filter((f) => f.includes('tmp') || f.endsWith('.lock'))).toEqual([]);
  }
}, 300_000);

/** What a login killed between its temp file and its rename leaves behind. */
function leftovers(dir: string, ageSeconds: number): string[] {
  const names = [
    '.credentials.json.0a1b2c3d4e5f.tmp',
    '.tokens.json.a1b2c3d4e5f6.tmp',
    '.config.json.b2c3d4e5f6a7.tmp',
    'config.json.tmp-1765000000abcdef',
  ];
  const then = new Date(Date.now() - ageSeconds * 1000);
  for (const name of names) {
    writeFileSync(join(dir, name), `{"secret_key":"${admin().secretKey}"}`, { mode: 0o600 });
    utimesSync(join(dir, name), then, then);
  }
  return names;
}

const temps = (dir: string) => readdirSync(dir).filter((f) => /tmp/.test(f));

it('kill -9 during login: logout and profiles remove sweep the temporary files', async () => {
  const box = sandbox();
  boxes.push(box);
  const dir = join(box.home, '.config', 'helixctl');
  expect((await login(box, 'a')).exitCode).toBe(0);
  // A real SIGKILL in flight, at whatever point it lands, then the files such a kill leaves.
  const child = execa(
    process.execPath,
    [BIN, 'login', '--url', serve.url, '--profile', 'b', '--credential-stdin'],
    {
      env: box.env,
      extendEnv: false,
      reject: false,
      input: formatCredential(admin()),
    },
  );
  setTimeout(() => child.kill('SIGKILL'), 150);
  await child;
  leftovers(dir, 0);
  const out = await spawnCli(['--profile', 'a', 'logout'], { env: box.env });
  expect(out.exitCode, out.stderr).toBe(0);
  expect(temps(dir)).toEqual([]);
  expect(readFileSync(join(dir, 'config.json'), 'utf8')).toContain('"a"');
  leftovers(dir, 0);
  const removed = await spawnCli(['profiles', 'remove', 'a', '--yes'], { env: box.env });
  expect(removed.exitCode, removed.stderr).toBe(0);
  expect(temps(dir)).toEqual([]);
});

it('the next writer sweeps temporary files older than a minute, and leaves newer ones', async () => {
  const box = sandbox();
  boxes.push(box);
  const dir = join(box.home, '.config', 'helixctl');
  expect((await login(box, 'a')).exitCode).toBe(0);
  leftovers(dir, 120);
  expect((await login(box, 'b')).exitCode).toBe(0);
  expect(temps(dir)).toEqual([]);
  const fresh = leftovers(dir, 0);
  expect((await login(box, 'c')).exitCode).toBe(0);
  expect(temps(dir).sort()).toEqual([...fresh].sort());
});
