import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { FAULTS } from '../../helpers/fault-proxy.js';
import { uniqueName, type World } from '../reliability/world.js';
import {
  addWithSecretFile,
  describeLeaks,
  type LeakCounts,
  type LeakScenario,
  type Prepared,
} from './leak-suite.js';

/**
 * Secret-leak battery, part 1: every keys verb and whoami with env credentials, succeeding
 * and failing, through the proxy (which tells the test every secret and token on the wire).
 */

const key = async (world: World, type: 'TENANT' | 'API' = 'TENANT'): Promise<Prepared> => {
  const name = uniqueName('leak');
  const cred = await world.createKey(name, type);
  return { vars: { key: cred.accessKey, name, secret: cred.secretKey }, secrets: [cred.secretKey] };
};
const fresh = async (): Promise<Prepared> => ({ vars: { name: uniqueName('leak') } });
const CHILD = [
  '--exec',
  '--',
  process.execPath,
  '-e',
  'process.exit(Number(process.argv[1] ?? 0))',
];

const READS: LeakScenario[] = [
  { name: 'whoami', argv: () => ['whoami'], exit: 0 },
  { name: 'keys list', argv: () => ['keys', 'list'], exit: 0 },
  { name: 'keys show', prepare: key, argv: (v) => ['keys', 'show', v.key as string], exit: 0 },
  {
    name: 'keys permissions',
    prepare: key,
    argv: (v) => ['keys', 'permissions', v.key as string],
    exit: 0,
  },
  { name: 'keys check', argv: () => ['keys', 'check', '--within', '1d'], exit: [0, 10] },
  {
    name: 'keys copy <key> --print (the stored one-way form)',
    prepare: key,
    argv: (v) => ['keys', 'copy', v.key as string, '--print'],
    exit: 0,
  },
  {
    name: 'keys copy --print (own credential)',
    argv: () => ['keys', 'copy', '--print'],
    exit: 0,
    shown: (_v, w) => [w.admin.secretKey],
  },
  {
    name: 'keys copy <key> --secret-stdin --print',
    prepare: key,
    argv: (v) => ['keys', 'copy', v.key as string, '--secret-stdin', '--print'],
    input: (v) => v.secret as string,
    exit: 0,
    shown: (v) => [v.secret as string],
  },
];

const FAILURES: LeakScenario[] = [
  { name: 'keys show of an unknown key', argv: () => ['keys', 'show', 'nothing-here'], exit: 5 },
  {
    name: 'keys list through 503s (retried, traced)',
    argv: () => ['keys', 'list'],
    fault: () => ({ method: 'GET', path: /access_keys$/, fault: FAULTS.unavailable(1) }),
    exit: 7,
  },
  {
    name: 'keys add whose answer is lost (500 after the service acted)',
    prepare: fresh,
    argv: (v) => ['keys', 'add', v.name as string, '--expires', '30d'],
    fault: () => ({
      method: 'POST',
      path: /access_keys$/,
      fault: FAULTS.afterForward(FAULTS.status(500)),
    }),
    exit: 7,
  },
  {
    name: 'keys add whose answer is cut off after the secret began',
    prepare: fresh,
    argv: (v) => ['keys', 'add', v.name as string, '--expires', '30d'],
    fault: () => ({ method: 'POST', path: /access_keys$/, fault: FAULTS.truncate(200) }),
    exit: 7,
  },
  {
    name: 'keys rotate whose answer is lost (reset)',
    prepare: key,
    argv: (v) => ['keys', 'rotate', v.key as string],
    fault: (v) => ({
      method: 'POST',
      path: `/ims/api/v1/access_keys/${v.key}/secret`,
      fault: FAULTS.afterForward(FAULTS.reset()),
    }),
    exit: 7,
  },
  {
    name: 'a wrong secret in HELIX_CREDENTIAL',
    prepare: async (w) => ({
      vars: { cred: formatCredential({ ...w.admin, secretKey: 'Wrong0Secret'.padEnd(50, 'z') }) },
      secrets: ['Wrong0Secret'.padEnd(50, 'z')],
    }),
    argv: () => ['keys', 'list'],
    env: (v) => ({ HELIX_CREDENTIAL: v.cred as string }),
    exit: 3,
  },
  {
    // --debug names the proxy by scheme, host and port; the password never shows.
    name: 'a proxy URL holding a password (the proxy refuses the connection)',
    prepare: async () => ({
      vars: { proxy: 'http://alice:Proxy0Password0xyz@127.0.0.1:1' },
      secrets: ['Proxy0Password0xyz'],
    }),
    argv: () => ['keys', 'list'],
    env: (v) => ({ HTTP_PROXY: v.proxy as string, HTTPS_PROXY: v.proxy as string }),
    exit: 7,
  },
  {
    name: 'a malformed HELIX_CREDENTIAL holding a secret',
    prepare: async (w) => ({
      vars: { cred: `${w.admin.accessKey}:Malformed0Secretxxxxxxxxxxxxxxxxxx` },
      secrets: ['Malformed0Secretxxxxxxxxxxxxxxxxxx'],
    }),
    argv: () => ['keys', 'list'],
    env: (v) => ({ HELIX_CREDENTIAL: v.cred as string }),
    exit: 2,
  },
  {
    name: 'keys add --secret-file onto an existing file',
    prepare: async (w) => {
      const file = join(w.box.home, `${uniqueName('exists')}.cred`);
      writeFileSync(file, 'keep\n', { mode: 0o600 });
      return { vars: { name: uniqueName('leak'), file } };
    },
    argv: addWithSecretFile,
    exit: 2,
    sinks: (v) => [v.file as string],
  },
  {
    name: 'keys add --exec whose command fails (exit 3)',
    prepare: fresh,
    argv: (v) => ['keys', 'add', v.name as string, '--expires', '30d', ...CHILD, '3'],
    exit: 3,
  },
  {
    name: 'keys assign on a user key (refused)',
    prepare: async (w) => {
      const keys = await w.keys();
      const owner = keys.find((k) => k.access_key === w.admin.accessKey)?.owner_user_id as string;
      const r = await w.api('POST', imsPaths.userKeys(owner), {
        name: uniqueName('mine'),
        expiry_enum: '30 days',
      });
      if (r.status === 201)
        return { vars: { key: r.body.access_key }, secrets: [r.body.access_secret_key] };
      const existing = keys.find((k) => k.type === 'USER');
      return { vars: { key: existing?.access_key as string } };
    },
    argv: (v) => ['keys', 'assign', v.key as string, '--role', 'Viewer'],
    exit: 6,
  },
];

const counts: LeakCounts = { runs: 0, files: 0 };
describeLeaks('secret leaks: reads', READS, counts);
describeLeaks('secret leaks: failures', FAILURES, counts);
afterAll(() => {
  console.log(`leak battery (reads, failures): ${counts.runs} runs, ${counts.files} file scans`);
});
