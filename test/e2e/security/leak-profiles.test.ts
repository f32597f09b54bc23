import { afterAll } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { spawnCli } from '../../helpers/cli.js';
import { uniqueName, type World } from '../reliability/world.js';
import { describeLeaks, type LeakCounts, type LeakScenario, type Prepared } from './leak-suite.js';

/**
 * Secret-leak battery, part 3: the commands that keep secrets and tokens on disk (login,
 * logout, profiles, the token cache, the local profile). credentials.json may hold secrets,
 * tokens.json tokens; nothing else; every file 0600 in a 0700 folder.
 */

/** No env credentials: the stored profile is what the run uses. */
const BARE = { HELIX_URL: '', HELIX_CREDENTIAL: '' };

const profile = async (world: World): Promise<Prepared> => ({
  vars: { profile: uniqueName('p'), url: world.proxy.url },
});

/** A profile logged in (by a run that is not itself scanned for stdout). */
const loggedIn = async (world: World): Promise<Prepared> => {
  const made = await profile(world);
  const r = await spawnCli(
    [
      'login',
      '--credential-stdin',
      '--url',
      world.proxy.url,
      '--profile',
      made.vars.profile as string,
    ],
    { env: world.env(BARE), input: formatCredential(world.admin) },
  );
  if (r.exitCode !== 0) throw new Error(`login: ${r.stderr}`);
  return made;
};

const login = (v: Record<string, string>) => [
  'login',
  '--credential-stdin',
  '--url',
  v.url as string,
  '--profile',
  v.profile as string,
];
const admin = (_v: Record<string, string>, w: World) => formatCredential(w.admin);

const PROFILES: LeakScenario[] = [
  {
    name: 'login --credential-stdin',
    prepare: profile,
    argv: login,
    env: () => BARE,
    input: admin,
    exit: 0,
  },
  {
    name: 'login --dry-run',
    prepare: profile,
    argv: (v) => [...login(v), '--dry-run'],
    env: () => BARE,
    input: admin,
    exit: 0,
  },
  {
    name: 'login with a wrong secret',
    prepare: async (w) => ({ ...(await profile(w)), secrets: ['Wrong1Secret'.padEnd(50, 'q')] }),
    argv: (v) => [
      'login',
      '--url',
      v.url as string,
      '--access-key',
      'ACCESSKEYTHATISNOTTHERE0000000',
      '--tenant',
      '1234567890',
      '--secret-stdin',
      '--profile',
      v.profile as string,
    ],
    env: () => BARE,
    input: () => 'Wrong1Secret'.padEnd(50, 'q'),
    exit: [3, 5],
  },
  {
    name: 'whoami --profile',
    prepare: loggedIn,
    argv: (v) => ['--profile', v.profile as string, 'whoami'],
    env: () => BARE,
    exit: 0,
  },
  {
    name: 'keys list --profile (token cache)',
    prepare: loggedIn,
    argv: (v) => ['--profile', v.profile as string, 'keys', 'list'],
    env: () => BARE,
    exit: 0,
  },
  {
    name: 'keys add --profile',
    prepare: loggedIn,
    argv: (v) => [
      '--profile',
      v.profile as string,
      'keys',
      'add',
      uniqueName('pk'),
      '--expires',
      '30d',
    ],
    env: () => BARE,
    exit: 0,
    stdoutSink: true,
  },
  {
    name: 'profiles list',
    prepare: loggedIn,
    argv: () => ['profiles', 'list'],
    env: () => BARE,
    exit: 0,
  },
  {
    name: 'profiles use',
    prepare: loggedIn,
    argv: (v) => ['profiles', 'use', v.profile as string],
    env: () => BARE,
    exit: 0,
  },
  {
    name: 'logout',
    prepare: loggedIn,
    argv: (v) => ['logout', '--profile', v.profile as string],
    env: () => BARE,
    exit: 0,
  },
  {
    name: 'profiles remove',
    prepare: loggedIn,
    argv: (v) => ['profiles', 'remove', v.profile as string, '--yes'],
    env: () => BARE,
    exit: 0,
  },
  {
    name: 'env credentials with HELIXCTL_CACHE=1',
    argv: () => ['keys', 'list'],
    env: () => ({ HELIXCTL_CACHE: '1' }),
    exit: 0,
  },
  {
    name: '--profile local keys list',
    argv: () => ['--profile', 'local', 'keys', 'list'],
    env: () => BARE,
    exit: 0,
    local: true,
  },
  {
    name: '--profile local keys add',
    argv: () => ['--profile', 'local', 'keys', 'add', uniqueName('lk'), '--expires', '30d'],
    env: () => BARE,
    exit: 0,
    local: true,
    stdoutSink: true,
  },
  {
    name: '--profile local whoami',
    argv: () => ['--profile', 'local', 'whoami'],
    env: () => BARE,
    exit: 0,
    local: true,
  },
];

const counts: LeakCounts = { runs: 0, files: 0 };
describeLeaks('secret leaks: stored profiles, tokens and the local profile', PROFILES, counts);
afterAll(() => {
  console.log(`leak battery (profiles): ${counts.runs} runs, ${counts.files} file scans`);
});
