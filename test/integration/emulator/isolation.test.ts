import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import type { AccessKeyRecord } from '../../../src/wire/types.js';
import { basic } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

let emu: TestEmulator;
let acmeKeys: AccessKeyRecord[];

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json' });
  const admin = await emu.login(basic.acmeAdmin);
  acmeKeys = (await emu.request('GET', imsPaths.keys, { token: admin })).body.records;
});
afterAll(async () => emu?.close());

type Route = [method: string, path: (key: string) => string, body?: unknown];
const KEY_ROUTES: Route[] = [
  ['GET', imsPaths.key],
  ['PATCH', imsPaths.key, { name: 'stolen' }],
  ['DELETE', imsPaths.key],
  ['GET', imsPaths.keySecret],
  ['POST', imsPaths.keySecret],
  ['POST', imsPaths.keyRotate],
  ['PATCH', imsPaths.keyRotation, { never_rotate: true }],
  ['GET', imsPaths.keyGroups],
  ['PUT', imsPaths.keyGroups, { group_ids: [] }],
  ['GET', imsPaths.keyRoles],
  ['PUT', imsPaths.keyRoles, { role_ids: [] }],
  ['GET', imsPaths.keyPermissions],
];

describe('tenant isolation', () => {
  it('gives another tenant administrator 404 for every key of the first, on every key route', async () => {
    const globex = await emu.login(basic.globexAdmin);
    expect(acmeKeys).toHaveLength(basic.acmeKeyCount);
    for (const key of acmeKeys) {
      for (const ref of [key.access_key, key.user_id]) {
        for (const [method, path, body] of KEY_ROUTES) {
          const res = await emu.request(method, path(ref), { token: globex, body });
          expect([res.status, res.body?.error], `${method} ${path(ref)}`).toEqual([
            404,
            `Access key ${ref} not found`,
          ]);
        }
      }
    }
  });

  it('hides the other tenant in lists, users and user-key paths', async () => {
    const globex = await emu.login(basic.globexAdmin);
    const keys = await emu.request('GET', imsPaths.keys, { token: globex });
    expect(keys.body.records.map((k: AccessKeyRecord) => k.name).sort()).toEqual(
      ['globex-admin', expect.stringMatching(/^2000000002@\d+$/)].sort(),
    );
    const users = await emu.request('GET', imsPaths.users, { token: globex });
    expect(
      users.body.records.every((u: { tenant_id: string }) => u.tenant_id === '2000000002'),
    ).toBe(true);
    for (const [method, path] of [
      ['GET', imsPaths.userKeys(basic.users.bob)],
      ['POST', imsPaths.userKeys(basic.users.bob)],
      ['GET', imsPaths.userKey(basic.users.bob, basic.bobLaptop.accessKey)],
      ['DELETE', imsPaths.userKey(basic.users.bob, basic.bobLaptop.accessKey)],
      ['GET', imsPaths.user(basic.users.bob)],
    ] as const) {
      const res = await emu.request(method, path, {
        token: globex,
        body: method === 'POST' ? { name: 'x', expiry_enum: '30 days' } : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });

  it('left every key of the first tenant untouched', async () => {
    const admin = await emu.login(basic.acmeAdmin);
    const after = (await emu.request('GET', imsPaths.keys, { token: admin })).body
      .records as AccessKeyRecord[];
    const strip = (records: AccessKeyRecord[]) =>
      records.map(({ last_access: _ignored, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(acmeKeys));
  });
});
