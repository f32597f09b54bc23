import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { BAD_INPUTS, type Fixture } from './bad-input-cases.js';
import { expectCleanError } from './expect-error.js';
import { snapshotFiles, snapshotService } from './snapshot.js';
import { startWorld, type World } from './world.js';

/**
 * The bad-input battery, part 1: flags, values, names and keys, through the built binary
 * against serve, plain and with --json. Each case: the documented exit code, one clear line,
 * no stack, nothing on stdout, no 10,000-character echo, and neither the HOME folder nor the
 * service changed.
 */

let world: World;
let fixture: Fixture;

beforeAll(async () => {
  world = await startWorld();
  const target = await world.createKey('target');
  await world.createKey('twin');
  await world.createKey('twin');
  const keys = await world.keys();
  const adminKey = keys.find((k) => k.access_key === world.admin.accessKey);
  const onboarding = keys.find((k) => k.non_deletable);
  const owner = adminKey?.owner_user_id as string;
  const userKey = await world.api('POST', imsPaths.userKeys(owner), {
    name: 'mine',
    expiry_enum: '30 days',
  });
  if (userKey.status !== 201 || !onboarding) throw new Error('fixture setup failed');
  const existingFile = join(world.box.home, 'existing.cred');
  writeFileSync(existingFile, 'keep me\n', { mode: 0o600 });
  fixture = {
    tenantId: world.admin.tenantId,
    target: target.accessKey,
    userKey: userKey.body.access_key,
    onboarding: onboarding.name,
    twin: 'twin',
    existingFile,
  };
});

afterAll(async () => {
  await world.close();
});

describe(`bad input (${BAD_INPUTS.length} cases, plain and --json)`, () => {
  for (const c of BAD_INPUTS) {
    for (const json of [false, true]) {
      it(`${c.name}${json ? ' (--json)' : ''}: exit ${c.exit}`, async () => {
        const home = snapshotFiles(world.box.home);
        const service = await snapshotService(world);
        const argv = [...(json ? ['--json'] : []), ...c.argv(fixture)];
        const result = await world.cli(argv, {
          ...(c.env ? { env: c.env(fixture) } : {}),
          ...(c.input === undefined ? {} : { input: c.input }),
        });
        expectCleanError(result, { exit: c.exit, message: c.message, json });
        if (c.long) {
          expect(result.stderr).not.toContain(c.long.slice(0, 100));
          expect(result.stderr.length).toBeLessThan(1_000);
        }
        expect(snapshotFiles(world.box.home)).toEqual(home);
        expect(await snapshotService(world)).toEqual(service);
      });
    }
  }
});
