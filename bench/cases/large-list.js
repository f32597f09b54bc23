import { derivedRow, skippedRow, valueRow } from '../lib/rows.js';
import { checkListed, countRequests, helixctl, measure, ratio } from './cli.js';

/** Data sets: 1,000 and 10,000 keys (10 pages of 1,000); tiny mode shrinks both. */
export function largeListTenants(tiny) {
  return tiny
    ? [
        { tenantId: '2000001000', keys: 200 },
        { tenantId: '2000010000', keys: 2000 },
      ]
    : [
        { tenantId: '2000001000', keys: 1000 },
        { tenantId: '2000010000', keys: 10000 },
      ];
}

/**
 * `keys list --json` over loopback at two sizes ten times apart, interleaved: wall time and
 * peak RSS of the large one, and the growth between them (block by block), in the workspace's
 * `env` (inherited unless --clean-env; the row names say which).
 */
export async function largeListCases({ workspace, emulator, plan, log, tiny }) {
  const [small, large] = largeListTenants(tiny);
  await workspace.addProfile('small', emulator.url, small.tenantId);
  await workspace.addProfile('large', emulator.url, large.tenantId);
  const list = (id, profile, keys) => ({
    ...helixctl(
      id,
      `keys list --json, ${keys} keys`,
      ['--profile', profile, 'keys', 'list', '--json'],
      workspace.env,
    ),
    rss: true,
  });
  const smallList = list('list-small', 'small', small.keys);
  const largeList = list('list-large', 'large', large.keys);
  checkListed(smallList, small.keys);
  checkListed(largeList, large.keys);
  const requests = countRequests(largeList);
  log(
    `large lists: ${small.keys} and ${large.keys} keys, ${plan.blocks} block(s) of ${plan.rounds}`,
  );
  const m = measure([[smallList, largeList]], plan, log);
  const n = (k) => k.toLocaleString('en-US');
  const env = `${workspace.envName} env`;
  return [
    valueRow({
      id: 'list-small',
      name: `keys list --json, ${n(small.keys)} keys (wall, ${env})`,
      unit: 'ms',
      value: m['list-small'].ms,
    }),
    valueRow({
      id: 'list-large-wall',
      name: `keys list --json, ${n(large.keys)} keys (wall, ${env})`,
      unit: 'ms',
      value: m['list-large'].ms,
      note: `${requests} HTTP request(s) per run (--debug)`,
    }),
    m['list-large'].rssMb
      ? valueRow({
          id: 'list-large-rss',
          name: `keys list --json, ${n(large.keys)} keys (peak RSS, ${env})`,
          unit: 'MB',
          value: m['list-large'].rssMb,
        })
      : skippedRow('list-large-rss', `keys list --json, ${n(large.keys)} keys (peak RSS)`),
    derivedRow({
      id: 'list-growth',
      name: `growth ${n(small.keys)} -> ${n(large.keys)} keys (${env})`,
      ratio: ratio(m, 'list-large', 'list-small'),
      baseline: `${n(small.keys)} keys`,
    }),
  ];
}
