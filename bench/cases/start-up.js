import { adminToken } from '../lib/login.js';
import { startUpRow } from '../lib/rows.js';
import {
  available,
  checkListed,
  countRequests,
  curlList,
  helixctl,
  measure,
  ratio,
} from './cli.js';

const SMALL = { tenantId: '2000000100', keys: 100 };
const ENVS = ['clean', 'inherited'];

/**
 * Start-up and a small list against `node -e 0`, each measured in the clean and in the
 * inherited environment (workspace.js): `--version`, `--help`, `keys list --json` of 100 keys
 * over loopback with a cached token and through the `local` profile, and the reference points
 * (curl with a cached token, `aws --version`). The commands of one environment form one set,
 * interleaved; a ratio is to `node -e 0` of the same environment, in the same block.
 */
export async function startUpCases({ workspace, emulator, plan, log }) {
  await workspace.addProfile('b100', emulator.url, SMALL.tenantId);
  await workspace.prepareLocal(SMALL.tenantId, SMALL.keys);
  const token = available('curl') ? await adminToken(emulator.url, SMALL.tenantId) : undefined;
  const withAws = available('aws');
  const cases = [
    { id: 'node', name: 'node -e 0' },
    { id: 'version', name: 'helixctl --version', args: ['--version'] },
    { id: 'help', name: 'helixctl --help', args: ['--help'] },
    {
      id: 'list-100',
      name: 'keys list --json, 100 keys, loopback, cached token',
      args: ['--profile', 'b100', 'keys', 'list', '--json'],
      list: true,
    },
    {
      id: 'list-100-local',
      name: 'keys list --json, 100 keys, local profile',
      args: ['--profile', 'local', 'keys', 'list', '--json'],
      list: true,
    },
  ];
  if (token) cases.push({ id: 'curl-list-100', name: 'curl, same list, cached token' });
  if (withAws) cases.push({ id: 'aws', name: 'aws --version (awscli)' });
  const command = (c, env) => {
    const id = `${c.id}@${env}`;
    const vars = workspace.envs[env];
    if (c.id === 'node') {
      return {
        id,
        label: `node -e 0 (${env})`,
        cmd: process.execPath,
        args: ['-e', '0'],
        env: vars,
      };
    }
    if (c.id === 'curl-list-100') return { ...curlList(workspace, emulator.url, token, vars), id };
    if (c.id === 'aws')
      return { id, label: 'aws --version', cmd: 'aws', args: ['--version'], env: vars };
    return helixctl(id, `${c.name} (${env})`, c.args, vars);
  };
  const sets = ENVS.map((env) => cases.map((c) => command(c, env)));
  // The first run logs in and caches the token; every measured run then reuses it. Every
  // list must print its 100 keys, in both environments.
  for (const set of sets) {
    for (const cmd of set.filter((_, i) => cases[i].list)) checkListed(cmd, SMALL.keys);
  }
  const requests = countRequests(sets[0].find((cmd) => cmd.id === 'list-100@clean'));
  log(
    `start-up group: ${cases.length} commands x ${ENVS.length} environments, ` +
      `${plan.blocks} block(s) of ${plan.rounds} round(s)`,
  );
  const m = measure(sets, plan, log);
  return cases.map((c) =>
    startUpRow({
      id: c.id,
      name: c.name,
      envs: Object.fromEntries(
        ENVS.map((env) => [
          env,
          {
            value: m[`${c.id}@${env}`].ms,
            ratio: c.id === 'node' ? undefined : ratio(m, `${c.id}@${env}`, `node@${env}`),
          },
        ]),
      ),
      note: c.id === 'list-100' ? `${requests} HTTP request(s) per run (--debug)` : undefined,
    }),
  );
}

export const START_UP_TENANTS = [SMALL];
