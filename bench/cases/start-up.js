import { adminToken } from '../lib/login.js';
import { ratioRow, referenceRow } from '../lib/rows.js';
import { available, checkListed, countRequests, curlList, helixctl, measure } from './cli.js';

const SMALL = { tenantId: '2000000100', keys: 100 };

/**
 * Start-up and a small list, all against `node -e 0`, interleaved in one group: `--version`,
 * `--help`, `keys list --json` of 100 keys over loopback with a cached token and through the
 * `local` profile, and the reference points (curl with a cached token, `aws --version`).
 */
export async function startUpCases({ workspace, emulator, plan, log }) {
  const { env } = workspace;
  await workspace.addProfile('b100', emulator.url, SMALL.tenantId);
  await workspace.prepareLocal(SMALL.tenantId, SMALL.keys);
  const listLoopback = helixctl(
    'list-100',
    'keys list --json, 100 keys, loopback',
    ['--profile', 'b100', 'keys', 'list', '--json'],
    env,
  );
  const listLocal = helixctl(
    'list-100-local',
    'keys list --json, 100 keys, local profile',
    ['--profile', 'local', 'keys', 'list', '--json'],
    env,
  );
  // The first run logs in and caches the token; every measured run then reuses it.
  checkListed(listLoopback, SMALL.keys);
  checkListed(listLocal, SMALL.keys);
  const requests = countRequests(listLoopback);
  const commands = [
    { id: 'node', label: 'node -e 0', cmd: process.execPath, args: ['-e', '0'], env },
    helixctl('version', 'helixctl --version', ['--version'], env),
    helixctl('help', 'helixctl --help', ['--help'], env),
    listLoopback,
    listLocal,
  ];
  const withCurl = available('curl');
  if (withCurl)
    commands.push(
      curlList(workspace, emulator.url, await adminToken(emulator.url, SMALL.tenantId)),
    );
  const withAws = available('aws');
  if (withAws)
    commands.push({ id: 'aws', label: 'aws --version', cmd: 'aws', args: ['--version'], env });
  log(`start-up group: ${commands.length} commands, ${plan.runs} rounds`);
  const m = measure(commands, plan, log);
  const base = { name: 'node -e 0', ...m.node.ms };
  const rows = [
    referenceRow({ id: 'node', name: 'node -e 0', value: m.node.ms }),
    ratioRow({
      id: 'version',
      name: 'helixctl --version',
      value: m.version.ms,
      baseline: base,
      max: 1.3,
    }),
    ratioRow({ id: 'help', name: 'helixctl --help', value: m.help.ms, baseline: base, max: 1.5 }),
    ratioRow({
      id: 'list-100',
      name: 'keys list --json, 100 keys, loopback, cached token',
      value: m['list-100'].ms,
      baseline: base,
      max: 2.5,
      note: `${requests} HTTP request(s) per run (--debug)`,
    }),
    ratioRow({
      id: 'list-100-local',
      name: 'keys list --json, 100 keys, local profile',
      value: m['list-100-local'].ms,
      baseline: base,
      max: 3,
    }),
  ];
  if (withCurl)
    rows.push(
      referenceRow({
        id: 'curl-list-100',
        name: 'curl, same list, cached token',
        value: m['curl-list-100'].ms,
        baseline: base,
      }),
    );
  if (withAws)
    rows.push(
      referenceRow({ id: 'aws', name: 'aws --version (awscli)', value: m.aws.ms, baseline: base }),
    );
  return rows;
}

export const START_UP_TENANTS = [SMALL];
