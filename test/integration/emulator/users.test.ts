import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { ACME, basic } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

let emu: TestEmulator;
let admin: string;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json' });
  admin = await emu.login(basic.acmeAdmin);
});
afterAll(async () => emu?.close());

describe('GET /users', () => {
  it('lists persons and key principals, filtered by userTypes or excludeApiKeyUsers', async () => {
    const all = await emu.request('GET', imsPaths.users, { token: admin });
    expect(all.status).toBe(200);
    expect(all.body._metadata.total_count).toBe(3 + basic.acmeKeyCount);
    const persons = await emu.request(
      'GET',
      `${imsPaths.users}?userTypes=person&orderBy=login_id`,
      { token: admin },
    );
    expect(persons.body.records.map((u: { login_id: string }) => u.login_id)).toEqual([
      'alice',
      'bob',
      'carol',
    ]);
    expect(persons.body.records[0]).toEqual({
      user_id: basic.users.alice,
      tenant_id: ACME,
      login_id: 'alice',
      full_name: 'Alice Admin',
      email: 'alice@acme.example.com',
      user_type: 'PERSON',
      user_status: 'ENABLE',
      created_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/),
    });
    const excluded = await emu.request('GET', `${imsPaths.users}?excludeApiKeyUsers=true`, {
      token: admin,
    });
    expect(excluded.body._metadata.total_count).toBe(3);
    const api = await emu.request('GET', `${imsPaths.users}?userType=API&size=2`, { token: admin });
    expect(api.body._metadata).toEqual({
      page: 0,
      records_per_page: 2,
      page_count: 4,
      total_count: basic.acmeKeyCount,
    });
    expect(api.body.records.every((u: { user_type: string }) => u.user_type === 'API')).toBe(true);
    expect(
      (await emu.request('GET', `${imsPaths.users}?userTypes=ROBOT`, { token: admin })).status,
    ).toBe(400);
    expect(
      (await emu.request('GET', `${imsPaths.users}?orderBy=password`, { token: admin })).status,
    ).toBe(400);
  });

  it('is refused without a read permission; a user may read itself only', async () => {
    const bob = await emu.login(basic.bobLaptop);
    expect((await emu.request('GET', imsPaths.users, { token: bob })).status).toBe(403);
    expect((await emu.request('GET', imsPaths.user(basic.users.bob), { token: bob })).status).toBe(
      200,
    );
    expect(
      (await emu.request('GET', imsPaths.user(basic.users.alice), { token: bob })).status,
    ).toBe(404);
    expect(
      (await emu.request('GET', imsPaths.user(basic.users.gina), { token: admin })).status,
    ).toBe(404);
  });
});

describe('POST /users (extension)', () => {
  it('creates a person with groups (201) and refuses duplicates and non-administrators', async () => {
    const groups = await emu.request('GET', imsPaths.groups, { token: admin });
    const auditors = groups.body.records.find(
      (g: { name: string }) => g.name === 'Auditors',
    ).group_id;
    const res = await emu.request('POST', imsPaths.users, {
      token: admin,
      body: { login_id: 'dave', full_name: 'Dave', group_ids: [auditors] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      login_id: 'dave',
      full_name: 'Dave',
      user_type: 'PERSON',
      tenant_id: ACME,
    });
    expect(
      (await emu.request('POST', imsPaths.users, { token: admin, body: { login_id: 'dave' } }))
        .status,
    ).toBe(400);
    expect((await emu.request('POST', imsPaths.users, { token: admin, body: {} })).status).toBe(
      400,
    );
    const auditor = await emu.login(basic.acmeAuditor);
    expect(
      (await emu.request('POST', imsPaths.users, { token: auditor, body: { login_id: 'eve' } }))
        .status,
    ).toBe(403);
  });
});

describe('/users/{user_id}/access_keys', () => {
  it('lets a person list and create their own user keys, up to 2, inactive ones included', async () => {
    const bob = await emu.login(basic.bobLaptop);
    const mine = await emu.request('GET', imsPaths.userKeys(basic.users.bob), { token: bob });
    expect(mine.body.records.map((k: { name: string }) => k.name)).toEqual(['bob-laptop']);
    const made = await emu.request('POST', imsPaths.userKeys(basic.users.bob), {
      token: bob,
      body: {
        name: 'bob-desk',
        expiry_enum: 'Never expires (not recommended)',
        non_deletable: false,
      },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      type: 'USER',
      owner_user_id: basic.users.bob,
      name: 'bob-desk',
      tenant_id: ACME,
    });
    const off = await emu.request(
      'PATCH',
      imsPaths.userKey(basic.users.bob, made.body.access_key),
      { token: bob, body: { status: 'INACTIVE' } },
    );
    expect(off.body.status).toBe('INACTIVE');
    const third = await emu.request('POST', imsPaths.userKeys(basic.users.bob), {
      token: bob,
      body: { name: 'bob-3', expiry_enum: '30 days' },
    });
    expect(third.status).toBe(400);
    expect(third.body).toMatchObject({
      message: 'BAD_REQUEST',
      error: 'User access key limit (2) reached',
    });
    const del = await emu.request(
      'DELETE',
      imsPaths.userKey(basic.users.bob, made.body.access_key),
      { token: bob },
    );
    expect(del.status).toBe(204);
    const again = await emu.request('POST', imsPaths.userKeys(basic.users.bob), {
      token: bob,
      body: { name: 'bob-3', expiry_enum: '30 days' },
    });
    expect(again.status).toBe(201);
  });

  it('refuses group, role, rotation and type fields on a user key', async () => {
    const owner = basic.users.carol;
    const base = { name: 'c', expiry_enum: '30 days' };
    for (const extra of [
      { group_ids: [] },
      { role_ids: [] },
      { rotation: {} },
      { type: 'TENANT' },
    ]) {
      const res = await emu.request('POST', imsPaths.userKeys(owner), {
        token: admin,
        body: { ...base, ...extra },
      });
      expect(res.status, JSON.stringify(extra)).toBe(400);
    }
    const bob = await emu.login(basic.bobLaptop);
    const locked = await emu.request('POST', imsPaths.userKeys(basic.users.bob), {
      token: bob,
      body: { ...base, non_deletable: true },
    });
    expect([locked.status, locked.body.error]).toEqual([
      403,
      'Only administrators can create non-deletable keys',
    ]);
  });

  it('lets an administrator act for another person, and nobody else (403)', async () => {
    const made = await emu.request('POST', imsPaths.userKeys(basic.users.carol), {
      token: admin,
      body: { name: 'carol-1', expiry_enum: '30 days' },
    });
    expect(made.body.owner_user_id).toBe(basic.users.carol);
    const bob = await emu.login(basic.bobLaptop);
    for (const [method, path] of [
      ['GET', imsPaths.userKeys(basic.users.carol)],
      ['POST', imsPaths.userKeys(basic.users.carol)],
      ['GET', imsPaths.userKey(basic.users.carol, made.body.access_key)],
      ['DELETE', imsPaths.userKey(basic.users.carol, made.body.access_key)],
      ['POST', imsPaths.userKeys('999999999999999')],
    ] as const) {
      const res = await emu.request(method, path, {
        token: bob,
        body: method === 'POST' ? { name: 'x', expiry_enum: '30 days' } : undefined,
      });
      expect([res.status, res.body.message], `${method} ${path}`).toEqual([403, 'FORBIDDEN']);
    }
    expect(
      (await emu.request('GET', imsPaths.userKeys('999999999999999'), { token: admin })).status,
    ).toBe(404);
    const api = await emu.request('POST', imsPaths.userKeys(basic.keyIds.acmePlain), {
      token: admin,
      body: { name: 'x', expiry_enum: '30 days' },
    });
    expect(api.status).toBe(400);
  });

  it('scopes {key} to the user: another person key is 404 under this path', async () => {
    const res = await emu.request(
      'GET',
      imsPaths.userKey(basic.users.carol, basic.bobLaptop.accessKey),
      { token: admin },
    );
    expect(res.status).toBe(404);
    const tenantKey = await emu.request(
      'GET',
      imsPaths.userKey(basic.users.alice, basic.acmeAdmin.accessKey),
      { token: admin },
    );
    expect(tenantKey.status).toBe(404);
  });

  it('creates exactly 2 keys out of 20 concurrent requests', async () => {
    const made = await emu.request('POST', imsPaths.users, {
      token: admin,
      body: { login_id: 'racer' },
    });
    const owner = made.body.user_id as string;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        emu.request('POST', imsPaths.userKeys(owner), {
          token: admin,
          body: { name: `race-${i}`, expiry_enum: '30 days' },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(
      results.filter(
        (r) => r.status === 400 && r.body.error === 'User access key limit (2) reached',
      ),
    ).toHaveLength(18);
    const listed = await emu.request('GET', imsPaths.userKeys(owner), { token: admin });
    expect(listed.body._metadata.total_count).toBe(2);
  });
});
