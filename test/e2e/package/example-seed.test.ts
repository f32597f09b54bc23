import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type Sandbox, sandbox } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';

/**
 * The example seed ships in the package (examples/seed.json) and `serve --print-example-seed`
 * prints it, so `helixctl serve --print-example-seed > seed.json && helixctl serve --seed
 * seed.json` works from an installed package, not only from a clone.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const SHIPPED = readFileSync(join(ROOT, 'examples/seed.json'), 'utf8');

let box: Sandbox;
let serve: ServeProcess | undefined;

beforeAll(() => {
  box = sandbox();
});

afterAll(async () => {
  await serve?.stop();
  box.cleanup();
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [BIN, ...args], {
    env: { ...box.env, ...env },
    extendEnv: false,
    reject: false,
  });

describe('serve --print-example-seed', () => {
  it('prints the shipped file, byte for byte, and starts no server', async () => {
    const r = await cli(['serve', '--print-example-seed']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(`${r.stdout}\n`).toBe(SHIPPED);
  });

  it('prints a seed that `serve --seed` loads: its keys are listed', async () => {
    const printed = await cli(['serve', '--print-example-seed']);
    const file = join(box.home, 'seed.json');
    writeFileSync(file, printed.stdout);
    serve = await startServe({ args: ['--seed', file] });
    const seed = JSON.parse(printed.stdout);
    const admin = seed.tenants[0].keys[0];
    const list = await cli(['keys', 'list', '--json'], {
      HELIX_URL: serve.url,
      HELIX_CREDENTIAL: `key:${admin.access_key}::${admin.secret},tenant id:${seed.tenants[0].tenant_id}`,
    });
    expect(list.exitCode, list.stderr).toBe(0);
    const names = (JSON.parse(list.stdout) as Array<{ name: string }>).map((k) => k.name);
    expect(names).toEqual(
      expect.arrayContaining(['example-admin', 'ci-deploy', 'ingest', 'old-key']),
    );
  });
});

describe('the package', () => {
  it('holds examples/seed.json (npm pack --dry-run)', async () => {
    // --ignore-scripts: no prepack build here (npm test builds first).
    const r = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      reject: false,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const [pack] = JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>;
    expect(pack?.files.map((f) => f.path)).toContain('examples/seed.json');
  }, 60_000);
});
