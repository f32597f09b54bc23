import { join } from 'node:path';
import { startEmulator } from '../lib/emulator.js';
import { derivedRow, valueRow } from '../lib/rows.js';
import { capture, helixctl, measure, ratio } from './cli.js';

const TENANT = '2000000200';

/**
 * `keys rotate --all` over `plan.keys` keys with `--concurrency 8` against the same with
 * `--concurrency 1`, on an emulator that answers every request `plan.latencyMs` late, as a
 * remote service would (on loopback with no latency, 2 cores only measure CPU). The new
 * secrets go to `--secret-dir` (overwritten each run with `--force`), as a CI job keeps them:
 * stdout is the bench's /dev/null, and a secret written to /dev/null counts as not delivered
 * (exit 9, docs/security.md). Each key costs one POST and one 0600 file.
 */
export async function rotateCases({ workspace, plan, log }) {
  const seed = workspace.writeSeed('rotate', [
    { tenantId: TENANT, keys: plan.keys + 1, prefix: 'rot' },
  ]);
  const emulator = await startEmulator({ seed, latencyMs: plan.latencyMs });
  try {
    await workspace.addProfile('rot', emulator.url, TENANT);
    const rotate = (concurrency) =>
      helixctl(
        `rotate-c${concurrency}`,
        `keys rotate --all --concurrency ${concurrency}`,
        ['--profile', 'rot', 'keys', 'rotate', '--all', '--name', 'rot-*', '--json'].concat([
          '--concurrency',
          String(concurrency),
          '--secret-dir',
          join(workspace.root, `rotate-secrets-c${concurrency}`),
          '--force',
        ]),
        workspace.env,
      );
    const one = rotate(1);
    const eight = rotate(8);
    checkRotated(eight, plan.keys);
    log(`rotate --all: ${plan.keys} keys, ${plan.latencyMs} ms latency, ${plan.blocks} block(s)`);
    const m = measure([[one, eight]], plan, log);
    const env = `${workspace.envName} env`;
    const note = `${plan.keys} keys, emulator latency ${plan.latencyMs} ms per request`;
    return [
      valueRow({
        id: 'rotate-c1',
        name: `keys rotate --all, ${plan.keys} keys, --concurrency 1 (${env})`,
        unit: 'ms',
        value: m['rotate-c1'].ms,
        note,
      }),
      valueRow({
        id: 'rotate-c8',
        name: `keys rotate --all, ${plan.keys} keys, --concurrency 8 (${env})`,
        unit: 'ms',
        value: m['rotate-c8'].ms,
      }),
      derivedRow({
        id: 'rotate-speedup',
        name: 'rotate --all speed-up, concurrency 8 vs 1',
        ratio: ratio(m, 'rotate-c1', 'rotate-c8'),
        baseline: '--concurrency 1',
      }),
    ];
  } finally {
    await emulator.stop();
  }
}

/** One run before measuring: every selected key must come back rotated. */
function checkRotated(command, expected) {
  const rows = JSON.parse(capture(command).stdout);
  const rotated = rows.filter((row) => row.result === 'rotated').length;
  if (rotated !== expected) {
    throw new Error(`${command.label}: ${rotated} of ${expected} keys rotated`);
  }
}
