import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { spawnCli } from '../../helpers/cli.js';
import { useSandbox, useServe } from '../../helpers/lifecycle.js';

/**
 * Issue 10 case 7: rotating, deactivating or deleting the key the profile itself logs in with
 * used to leave the stored credential stale; once the cached token expired every command
 * exited 3 with a hint (`helixctl login`) that refused `local`, and the only way back was
 * deleting local.db. Now a rotation stores the new secret in the same step, deactivating or
 * deleting yourself needs --force, and `helixctl login --profile local` re-issues the local
 * administrator credential with every key kept. Removing tokens.json stands in for the
 * cached token expiring.
 */
const sb = useSandbox();
const serve = useServe();

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnCli(args, { env: { ...sb.env, ...env }, timeout: 60_000 });
const local = (...args: string[]) => cli(['--profile', 'local', ...args]);
const tokens = () => join(sb.home, '.config', 'helixctl', 'tokens.json');
const config = () =>
  JSON.parse(readFileSync(join(sb.home, '.config', 'helixctl', 'config.json'), 'utf8')) as {
    profiles: Record<string, { access_key: string }>;
  };

async function expectLoggedIn(run: () => Promise<{ exitCode: number; stderr: string }>) {
  rmSync(tokens(), { force: true });
  const r = await run();
  expect(r.exitCode, r.stderr).toBe(0);
}

it('local: rotating helixctl-admin, alone or with --all, keeps the profile logged in', async () => {
  expect((await local('keys', 'list')).exitCode).toBe(0);
  const one = await local(
    'keys',
    'rotate',
    'helixctl-admin',
    '--no-copy',
    '--secret-file',
    join(sb.home, 'a.cred'),
  );
  expect(one.exitCode, one.stderr).toBe(0);
  expect(one.stderr).toContain('stored the new secret for profile local: it stays logged in');
  await expectLoggedIn(() => local('whoami'));
  const all = await local('keys', 'rotate', '--all', '--secret-dir', join(sb.home, 'all'), '--yes');
  expect(all.exitCode, all.stderr).toBe(0);
  await expectLoggedIn(() => local('whoami'));
}, 120_000);

it('local: deactivating yourself is refused unless --force; login --profile local re-issues, keys kept', async () => {
  expect(
    (
      await local(
        'keys',
        'add',
        'keep-me',
        '--expires',
        '30d',
        '--no-copy',
        '--secret-file',
        join(sb.home, 'k.cred'),
      )
    ).exitCode,
  ).toBe(0);
  const refused = await local('keys', 'deactivate', 'helixctl-admin');
  expect(refused.exitCode).toBe(6);
  expect(refused.stderr).toContain('it is the key profile local logs in with');
  const del = await local('keys', 'delete', 'helixctl-admin', '--yes');
  expect(del.exitCode).toBe(6);
  const forced = await local('keys', 'deactivate', 'helixctl-admin', '--force');
  expect(forced.exitCode, forced.stderr).toBe(0);
  rmSync(tokens(), { force: true });
  const stale = await local('whoami');
  expect(stale.exitCode).toBe(3);
  expect(stale.stderr).toContain('helixctl login --profile local');
  expect(stale.stderr).not.toContain('remove');
  const reissued = await cli(['login', '--profile', 'local']);
  expect(reissued.exitCode, reissued.stderr).toBe(0);
  await expectLoggedIn(() => local('whoami'));
  const list = await local('keys', 'list', '--json');
  expect(JSON.parse(list.stdout).map((k: { name: string }) => k.name)).toContain('keep-me');
}, 120_000);

it('a stored profile: plain and --grace rotations of its own key keep it logged in', async () => {
  const admin = serve.admin as { accessKey: string; secretKey: string; tenantId: string };
  const login = await spawnCli(
    ['login', '--profile', 'ops', '--url', serve.url, '--credential-stdin'],
    {
      env: sb.env,
      input: formatCredential(admin),
    },
  );
  expect(login.exitCode, login.stderr).toBe(0);
  const ops = (...args: string[]) => cli(['--profile', 'ops', ...args]);
  const plain = await ops(
    'keys',
    'rotate',
    admin.accessKey,
    '--no-copy',
    '--secret-file',
    join(sb.home, 'o1.cred'),
  );
  expect(plain.exitCode, plain.stderr).toBe(0);
  await expectLoggedIn(() => ops('whoami'));
  const grace = await ops(
    'keys',
    'rotate',
    admin.accessKey,
    '--grace',
    '1h',
    '--verify',
    '--no-copy',
    '--secret-file',
    join(sb.home, 'o2.cred'),
  );
  expect(grace.exitCode, grace.stderr).toBe(0);
  const successor = config().profiles.ops?.access_key;
  expect(successor).not.toBe(admin.accessKey);
  rmSync(tokens(), { force: true });
  const who = await ops('whoami', '--json');
  expect(who.exitCode, who.stderr).toBe(0);
  expect(JSON.parse(who.stdout).principal_id).toBe(successor);
  // Its credential from the environment: nothing can be stored, said in one warning line.
  const envCred = readFileSync(join(sb.home, 'o2.cred'), 'utf8').trim();
  const fromEnv = await cli(
    ['keys', 'rotate', successor as string, '--no-copy', '--secret-file', join(sb.home, 'o3.cred')],
    {
      HELIX_URL: serve.url,
      HELIX_CREDENTIAL: envCred,
    },
  );
  expect(fromEnv.exitCode, fromEnv.stderr).toBe(0);
  expect(fromEnv.stderr).toContain('from the environment: nothing could be stored');
}, 120_000);
