import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWorld, type World } from './world.js';

/**
 * `--profile local` in a shell that holds credentials for a real tenant (HELIX_URL,
 * HELIX_CREDENTIAL, HELIX_TENANT_ID): the built-in emulator keeps to its own tenant and
 * credential. It used to work once (the run that created it) and then send the shell's
 * credential to the emulator: "tenant … not found", exit 3.
 */

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.close();
});

it('works on every run, as the local administrator, with the sources said truly', async () => {
  const env = { HELIX_TENANT_ID: world.admin.tenantId };
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const r = await world.cli(['--profile', 'local', 'whoami', '--json'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    runs.push(JSON.parse(r.stdout));
  }
  const tenants = new Set(runs.map((w) => w.tenant_id));
  expect(tenants.size).toBe(1);
  expect(tenants.has(world.admin.tenantId)).toBe(false);
  const last = runs.at(-1);
  expect(last.principal_id).not.toBe(world.admin.accessKey);
  expect(last.settings.tenant_id.source).toBe('file');
  expect(last.settings.access_key.source).toBe('file');
  expect(last.settings.secret_key.source).toBe('file');
  // Nothing reached the real tenant's portal.
  expect(world.proxy.requests).toEqual([]);
});
