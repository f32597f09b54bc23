import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { ACME, basic } from '../../helpers/emulator-seed.js';
import {
  roleAndGroupIds,
  startTestEmulator,
  type TestEmulator,
} from '../../helpers/emulator-server.js';

const NOW = Date.parse('2026-01-15T10:00:00Z');
let emu: TestEmulator;
let admin: string;
let roleIds: Record<string, string>;
let groupIds: Record<string, string>;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json', testClock: true, now: NOW });
  admin = await emu.login(basic.acmeAdmin);
  ({ roleIds, groupIds } = await roleAndGroupIds(emu, admin));
});
afterAll(async () => emu?.close());

const create = (body: unknown, token = admin) =>
  emu.request('POST', imsPaths.keys, { token, body });

describe('POST /access_keys', () => {
  it('creates a TENANT key (201) whose one-time secret logs in', async () => {
    const res = await create({
      name: 'ci',
      description: 'pipeline',
      expiry_enum: '30 days',
      group_ids: [groupIds.Auditors],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'ci',
      description: 'pipeline',
      type: 'TENANT',
      status: 'ACTIVE',
      non_deletable: false,
      expiry_enum: '30 days',
      expiry_time: '2026-02-14T23:59:59',
      key_expired: false,
      created_date: '2026-01-15T10:00:00.000000',
      owner_user_id: basic.users.alice,
      tenant_id: ACME,
    });
    expect(res.body.access_key).toMatch(/^(?=.*[A-Z])[A-Z0-9]{30}$/);
    expect(res.body.access_secret_key).toMatch(/^[A-Za-z0-9]{50}$/);
    expect(res.body.user_id).toMatch(/^\d{15}$/);
    expect(res.body.rotation).toBeUndefined();
    const jwt = await emu.login({
      accessKey: res.body.access_key,
      secretKey: res.body.access_secret_key,
    });
    const me = await emu.request('GET', imsPaths.userinfo, { token: jwt });
    expect(me.body).toMatchObject({
      user_id: res.body.user_id,
      groups: ['Auditors'],
      permissions: ['ims:access_keys:read'],
    });
    const read = await emu.request('GET', imsPaths.key(res.body.access_key), { token: admin });
    expect(read.body.access_secret_key).toBeUndefined();
    expect(JSON.stringify(read.body)).not.toContain(res.body.access_secret_key);
  });

  it('creates an API key with rotation defaults 30/15 and accepts a custom schedule', async () => {
    const plain = await create({
      name: 'feed',
      type: 'API',
      expiry_enum: 'Never expires (not recommended)',
    });
    expect(plain.status).toBe(201);
    expect(plain.body.rotation).toEqual({
      never_rotate: false,
      rotation_period: 30,
      grace_period: 15,
      next_rotation_date: '2026-02-14T10:00:00.000000',
    });
    expect(plain.body.expiry_time).toBeUndefined();
    const custom = await create({
      name: 'feed2',
      type: 'API',
      expiry_enum: 'Custom value',
      expiry_time: '2027-01-31',
      non_deletable: true,
      rotation: { never_rotate: true, rotation_period: 10, grace_period: 3 },
      role_ids: [roleIds['Data Ingestion']],
    });
    expect(custom.status).toBe(201);
    expect(custom.body).toMatchObject({
      expiry_time: '2027-01-31T23:59:59',
      non_deletable: true,
      rotation: { never_rotate: true, rotation_period: 10, grace_period: 3 },
    });
  });

  it('refuses invalid bodies with 400 and a field-specific text', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ expiry_enum: '30 days' }, /^name is required$/],
      [{ name: '  ', expiry_enum: '30 days' }, /^name is required$/],
      [{ name: 'x' }, /^expiry_enum must be one of/],
      [{ name: 'x', expiry_enum: '45 days' }, /^expiry_enum must be one of/],
      [{ name: 'x', expiry_enum: 'Custom value' }, /^expiry_time is required/],
      [
        { name: 'x', expiry_enum: 'Custom value', expiry_time: '2025-01-01' },
        /^expiry_time must be in the future$/,
      ],
      [
        { name: 'x', expiry_enum: 'Custom value', expiry_time: 'tomorrow' },
        /^expiry_time must be a date/,
      ],
      [
        { name: 'x', expiry_enum: '30 days', rotation: { never_rotate: true } },
        /^rotation is allowed only for API keys$/,
      ],
      [
        {
          name: 'x',
          type: 'API',
          expiry_enum: '30 days',
          rotation: { rotation_period: 5, grace_period: 5 },
        },
        /^grace_period must be shorter/,
      ],
      [{ name: 'x', type: 'ADMIN', expiry_enum: '30 days' }, /^type must be TENANT or API$/],
      [{ name: 'x', type: 'USER', expiry_enum: '30 days' }, /^User access keys are created under/],
      [
        { name: 'x', expiry_enum: '30 days', group_ids: ['123456789012345'] },
        /^Unknown group id\(s\): 123456789012345$/,
      ],
      [{ name: 'x', expiry_enum: '30 days', role_ids: ['nope'] }, /^Unknown role id\(s\): nope$/],
      [
        { name: 'x', expiry_enum: '30 days', non_deletable: 'yes' },
        /^non_deletable must be true or false$/,
      ],
      [{ name: 'x', expiry_enum: '30 days', colour: 'red' }, /^Unknown field\(s\): colour$/],
    ];
    for (const [body, text] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(text);
    }
  });

  it('refuses another tenant group ids as unknown', async () => {
    const globex = await emu.login(basic.globexAdmin);
    const globexGroups = await emu.request('GET', imsPaths.groups, { token: globex });
    const res = await create({
      name: 'x',
      expiry_enum: '30 days',
      group_ids: [globexGroups.body.records[0].group_id],
    });
    expect(res.status).toBe(400);
  });

  it('is for administrators only (403)', async () => {
    for (const who of [basic.acmeAuditor, basic.acmePlain, basic.bobLaptop]) {
      const res = await create({ name: 'x', expiry_enum: '30 days' }, await emu.login(who));
      expect([res.status, res.body.message]).toEqual([403, 'FORBIDDEN']);
    }
  });
});

describe('GET /access_keys/{key}', () => {
  it('accepts the access key or the numeric user_id', async () => {
    const byKey = await emu.request('GET', imsPaths.key(basic.acmeAuditor.accessKey), {
      token: admin,
    });
    const byId = await emu.request('GET', imsPaths.key(basic.keyIds.acmeAuditor), { token: admin });
    expect(byKey.status).toBe(200);
    expect(byId.body).toEqual(byKey.body);
    expect(byKey.body.name).toBe('acme-auditor');
  });

  it('answers 404 with the IMS text for an unknown key', async () => {
    const res = await emu.request('GET', imsPaths.key('UNKNOWN0000000000000000000000X'), {
      token: admin,
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: 404,
      message: 'NOT_FOUND',
      error: 'Access key UNKNOWN0000000000000000000000X not found',
    });
  });

  it('hides keys a non-administrator may not see behind a 404 (not 403)', async () => {
    const bob = await emu.login(basic.bobLaptop);
    expect(
      (await emu.request('GET', imsPaths.key(basic.bobLaptop.accessKey), { token: bob })).status,
    ).toBe(200);
    for (const ref of [basic.acmeAdmin.accessKey, basic.keyIds.ingest]) {
      for (const [method, path] of [
        ['GET', imsPaths.key(ref)],
        ['PATCH', imsPaths.key(ref)],
        ['DELETE', imsPaths.key(ref)],
        ['POST', imsPaths.keySecret(ref)],
      ] as const) {
        const res = await emu.request(method, path, {
          token: bob,
          body: method === 'PATCH' ? { name: 'x' } : undefined,
        });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    }
  });

  it('lets an auditor read every key but change none (403)', async () => {
    const auditor = await emu.login(basic.acmeAuditor);
    expect(
      (await emu.request('GET', imsPaths.key(basic.acmeAdmin.accessKey), { token: auditor }))
        .status,
    ).toBe(200);
    const res = await emu.request('PATCH', imsPaths.key(basic.acmeAdmin.accessKey), {
      token: auditor,
      body: { name: 'mine' },
    });
    expect(res.status).toBe(403);
    expect(
      (await emu.request('DELETE', imsPaths.key(basic.acmePlain.accessKey), { token: auditor }))
        .status,
    ).toBe(403);
  });
});

describe('PATCH /access_keys/{key}', () => {
  it('changes name, description, expiry and status, and only those', async () => {
    const made = await create({ name: 'temp', description: 'd', expiry_enum: '30 days' });
    const path = imsPaths.key(made.body.access_key);
    const res = await emu.request('PATCH', path, {
      token: admin,
      body: {
        name: 'renamed',
        description: null,
        expiry_enum: 'Custom value',
        expiry_time: '2026-12-31',
        status: 'INACTIVE',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'renamed',
      expiry_enum: 'Custom value',
      expiry_time: '2026-12-31T23:59:59',
      status: 'INACTIVE',
    });
    expect(res.body.description).toBeUndefined();
    const partial = await emu.request('PATCH', path, {
      token: admin,
      body: { description: 'again' },
    });
    expect(partial.body).toMatchObject({
      name: 'renamed',
      description: 'again',
      status: 'INACTIVE',
    });
    const implicit = await emu.request('PATCH', path, {
      token: admin,
      body: { expiry_time: '2027-03-01T08:00:00' },
    });
    expect(implicit.body).toMatchObject({
      expiry_enum: 'Custom value',
      expiry_time: '2027-03-01T08:00:00',
    });
    const never = await emu.request('PATCH', path, {
      token: admin,
      body: { expiry_enum: 'Never expires (not recommended)' },
    });
    expect(never.body.expiry_time).toBeUndefined();
  });

  it('extends an expired key, which then logs in again', async () => {
    expect(
      (
        await emu.request('POST', imsPaths.login, {
          body: { access_key: basic.expired.accessKey, access_secret_key: basic.expired.secretKey },
        })
      ).status,
    ).toBe(401);
    const res = await emu.request('PATCH', imsPaths.key(basic.expired.accessKey), {
      token: admin,
      body: { expiry_enum: '90 days' },
    });
    expect(res.body).toMatchObject({ key_expired: false, expiry_time: '2026-04-15T23:59:59' });
    expect(await emu.login(basic.expired)).toBeTruthy();
  });

  it('refuses immutable fields and bad values with 400', async () => {
    const path = imsPaths.key(basic.acmePlain.accessKey);
    for (const body of [
      { type: 'API' },
      { access_key: 'X' },
      { created_date: '2020-01-01' },
      { status: 'PAUSED' },
      { name: '' },
      { rotation: {} },
      { shiny: true },
      { expiry_enum: 'Custom value' },
    ]) {
      const res = await emu.request('PATCH', path, { token: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('DELETE /access_keys/{key}', () => {
  it('deletes (204), after which the key is gone and its tokens are refused', async () => {
    const made = await create({
      name: 'doomed',
      expiry_enum: '30 days',
      group_ids: [groupIds.Auditors],
    });
    const session = await emu.loginResponse({
      accessKey: made.body.access_key,
      secretKey: made.body.access_secret_key,
    });
    const res = await emu.request('DELETE', imsPaths.key(made.body.user_id), { token: admin });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(
      (await emu.request('GET', imsPaths.key(made.body.access_key), { token: admin })).status,
    ).toBe(404);
    expect(
      (await emu.request('GET', imsPaths.userinfo, { token: session.json_web_token })).status,
    ).toBe(401);
    const refresh = await emu.request('POST', imsPaths.refresh, { body: { token: session.token } });
    expect(refresh.status).toBe(401);
    expect(
      (await emu.request('DELETE', imsPaths.key(made.body.access_key), { token: admin })).status,
    ).toBe(404);
  });

  it('refuses non-deletable keys with 400 and the IMS text', async () => {
    const res = await emu.request('DELETE', imsPaths.key(basic.onboarding.accessKey), {
      token: admin,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      message: 'BAD_REQUEST',
      error: `Access key ${basic.onboarding.accessKey} is non-deletable`,
    });
  });
});
