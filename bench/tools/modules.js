// `node bench/tools/modules.js`: how many modules each command line loads (ours, packages,
// Node built-ins), against a seeded emulator with a cached token. Start-up cost on Node 20 is
// mostly the number of ES modules: this is the list to keep short.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../lib/emulator.js';
import { createWorkspace } from '../lib/workspace.js';

const HOOK = fileURLToPath(new URL('./module-log.mjs', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/helixctl.js', import.meta.url));
const TENANT = '2000000100';

const workspace = createWorkspace();
const emulator = await startEmulator({
  seed: workspace.writeSeed('modules', [{ tenantId: TENANT, keys: 100 }]),
});
try {
  await workspace.addProfile('b100', emulator.url, TENANT);
  await workspace.prepareLocal(TENANT, 100);
  const lines = [
    ['--version'],
    ['--help'],
    ['keys', 'list', '--help'],
    ['--profile', 'b100', 'keys', 'list', '--json'],
    ['--profile', 'local', 'keys', 'list', '--json'],
  ];
  process.stdout.write('command line                               ours  packages  built-ins\n');
  for (const [i, args] of lines.entries()) {
    const log = join(workspace.root, `modules-${i}.log`);
    const env = { ...workspace.env, MODULE_LOG: log };
    spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], { env, stdio: 'ignore' });
    const urls = [...new Set(readFileSync(log, 'utf8').trim().split('\n'))];
    rmSync(log);
    const ours = urls.filter((u) => /\/(dist|bin)\//.test(u) && !u.includes('node_modules')).length;
    const packages = urls.filter((u) => u.includes('node_modules')).length;
    const builtins = urls.filter((u) => /^(cjs:)?node:/.test(u)).length;
    const label = `helixctl ${args.join(' ')}`.padEnd(42);
    process.stdout.write(
      `${label} ${String(ours).padStart(4)}  ${String(packages).padStart(8)}  ${String(builtins).padStart(9)}\n`,
    );
  }
} finally {
  await emulator.stop();
  workspace.dispose();
}
