// `npm run bench [-- --tiny] [-- --only start-up,large-list,rotate,throughput] [-- --strict]
// [-- --clean-env]`. Starts its own emulators, seeds them, measures every case (warm-up, then
// short interleaved blocks), prints the tables and writes bench/results.json. A row passes
// when its median meets its target (bench/lib/targets.js). Exits 0 whether targets pass or not
// (unless --strict); 1 only when a case could not be measured at all. `--tiny` proves that the
// harness runs (every case measured at least once, every command exiting 0) and gives no
// verdicts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeListCases, largeListTenants } from './cases/large-list.js';
import { rotateCases } from './cases/rotate.js';
import { START_UP_TENANTS, startUpCases } from './cases/start-up.js';
import { throughputCases } from './cases/throughput.js';
import { startEmulator } from './lib/emulator.js';
import { envInfo, header } from './lib/header.js';
import { machine } from './lib/machine.js';
import { loadAverage, SkipError } from './lib/measure.js';
import { benchPlan, parseArgs } from './lib/plan.js';
import { measured } from './lib/rows.js';
import { formatTable } from './lib/table.js';
import { createWorkspace } from './lib/workspace.js';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const log = (line) => process.stderr.write(`${line}\n`);

const options = parseArgs(process.argv.slice(2));
const plan = benchPlan(options.tiny);
const wanted = (group) => !options.only || options.only.has(group);
const workspace = createWorkspace({ cleanEnv: options.cleanEnv });
const rows = [];
const errors = [];
const skipped = [];
const before = machine();
let emulator;
try {
  const large = largeListTenants(options.tiny);
  const seed = workspace.writeSeed('main', [...START_UP_TENANTS, ...large]);
  const dbPath = join(workspace.root, 'main.db');
  emulator = await startEmulator({ seed, db: dbPath });
  log(
    `emulator ${emulator.url} (${emulator.driver}), seeded in ${Math.round(emulator.seededMs)} ms`,
  );
  const groups = [
    ['start-up', () => startUpCases({ workspace, emulator, plan: plan.startUp, log })],
    [
      'large-list',
      () => largeListCases({ workspace, emulator, plan: plan.largeList, log, tiny: options.tiny }),
    ],
    ['rotate', () => rotateCases({ workspace, plan: plan.rotate, log })],
    [
      'throughput',
      () =>
        throughputCases({
          workspace,
          emulator,
          dbPath,
          tenantId: large[1].tenantId,
          plan: plan.throughput,
          log,
        }),
    ],
  ];
  for (const [name, run] of groups.filter(([name]) => wanted(name))) {
    const loadBefore = loadAverage();
    log(`${name}: load average ${loadBefore.join(' ')}`);
    try {
      const measuredRows = await run();
      const loadAfter = loadAverage();
      log(`${name}: done, load average ${loadAfter.join(' ')}`);
      for (const row of measuredRows) row.loadAverage = { before: loadBefore, after: loadAfter };
      rows.push(...measuredRows);
    } catch (error) {
      if (error instanceof SkipError) {
        skipped.push({ group: name, reason: error.message });
        log(`${name}: skipped: ${error.message}`);
        continue;
      }
      errors.push({ group: name, message: error.message });
      log(`${name}: could not be measured: ${error.message}`);
    }
  }
} finally {
  await emulator?.stop();
  workspace.dispose();
}
const info = {
  ...before,
  loadAverageAfter: machine().loadAverage,
  driver: emulator?.driver,
  env: envInfo(workspace),
};
// Tiny runs prove the harness: every case measured at least once, and no verdicts at all.
for (const row of rows) {
  if (!measured(row)) errors.push({ group: row.id, message: `${row.name}: no measurement` });
  if (options.tiny) row.pass = undefined;
}
process.stdout.write(`\n${header(info, options.tiny)}\n\n${formatTable(rows)}\n`);
for (const row of rows.filter((r) => r.note)) process.stdout.write(`  ${row.name}: ${row.note}\n`);
for (const s of skipped) process.stdout.write(`  ${s.group}: skipped (${s.reason})\n`);
for (const e of errors)
  process.stdout.write(`  ${e.group}: NOT MEASURED: ${e.message.split('\n')[0]}\n`);
const result = { date: new Date().toISOString(), tiny: options.tiny, plan, machine: info };
writeFileSync(RESULTS, `${JSON.stringify({ ...result, rows, skipped, errors }, null, 2)}\n`);
log(`\nwrote ${RESULTS}`);
const failed = rows.some((r) => r.pass === false);
process.exitCode = errors.length > 0 ? 1 : options.strict && !options.tiny && failed ? 1 : 0;
