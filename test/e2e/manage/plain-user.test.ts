import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic } from '../../helpers/emulator-seed.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import { type Session, session } from './helpers.js';

const SEED = resolve(import.meta.dirname, '../../fixtures/seed-basic.json');
const bobCredential = { ...basic.bobLaptop, tenantId: basic.bobLaptop.tenantId ?? '' };

let serve: ServeProcess;
let bob: Session;
beforeAll(async () => {
  serve = await startServe({ args: ['--seed', SEED] });
  bob = session(serve, bobCredential);
});
afterAll(async () => {
  bob?.home.cleanup();
  await serve?.stop();
});

describe('the built CLI as a plain user (bob, a user key)', () => {
  it('lists only his own keys', async () => {
    const r = await bob.cli(['keys', 'list', '--json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).map((k: { name: string }) => k.name)).toEqual(['bob-laptop']);
  });

  it("cannot see or touch another's key: exit 5", async () => {
    for (const argv of [
      ['keys', 'show', basic.acmeAdmin.accessKey],
      ['keys', 'show', 'acme-admin'],
      ['keys', 'permissions', 'acme-plain'],
      ['keys', 'expire', basic.acmePlain.accessKey, '--in', '1d'],
      ['keys', 'deactivate', basic.acmePlain.accessKey],
      ['keys', 'delete', basic.acmePlain.accessKey, '--yes'],
    ]) {
      const r = await bob.cli(argv);
      expect({ argv, exitCode: r.exitCode }).toEqual({ argv, exitCode: 5 });
      expect(r.stdout).toBe('');
    }
  });

  it('his user key takes no groups or roles: exit 6', async () => {
    const r = await bob.cli(['keys', 'assign', 'bob-laptop', '--role', 'Viewer', '--json']);
    expect(r.exitCode).toBe(6);
    expect(JSON.parse(r.stderr.trim().split('\n').at(-1) ?? '')).toMatchObject({
      error: { exit_code: 6 },
    });
  });

  it('shows his own key and its (inherited) permissions', async () => {
    const r = await bob.cli(['keys', 'show', 'bob-laptop', '--json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      name: 'bob-laptop',
      permissions: ['portal:read'],
    });
  });
});
