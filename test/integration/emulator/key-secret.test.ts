import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { ACME, basic } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

const NOW = Date.parse('2026-01-15T10:00:00Z');
const DAY = 86_400;
let emu: TestEmulator;
let admin: string;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json', testClock: true, now: NOW });
});
// Tests move the clock by days: a fresh token each time (access tokens live 15 minutes).
beforeEach(async () => {
  admin = await emu.login(basic.acmeAdmin);
});
afterAll(async () => emu?.close());

const loginStatus = async (accessKey: string, secretKey: string) =>
  (
    await emu.request('POST', imsPaths.login, {
      body: { access_key: accessKey, access_secret_key: secretKey },
    })
  ).status;

describe('POST /access_keys/{key}/secret (regenerate)', () => {
  it('gives a new secret; the old secret and its refresh tokens stop at once', async () => {
    const made = await emu.request('POST', imsPaths.keys, {
      token: admin,
      body: { name: 'regen', expiry_enum: '30 days' },
    });
    const { access_key: key, access_secret_key: oldSecret } = made.body;
    const session = await emu.loginResponse({ accessKey: key, secretKey: oldSecret });
    const res = await emu.request('POST', imsPaths.keySecret(key), { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_key: key,
      access_secret_key: expect.stringMatching(/^[A-Za-z0-9]{50}$/),
      tenant_id: ACME,
    });
    expect(res.body.access_secret_key).not.toBe(oldSecret);
    expect(await loginStatus(key, oldSecret)).toBe(401);
    expect(await loginStatus(key, res.body.access_secret_key)).toBe(200);
    expect(
      (await emu.request('POST', imsPaths.refresh, { body: { token: session.token } })).status,
    ).toBe(401);
  });

  it('lets the owner of a user key regenerate it', async () => {
    const bob = await emu.login(basic.bobLaptop);
    const res = await emu.request('POST', imsPaths.keySecret(basic.bobLaptop.accessKey), {
      token: bob,
    });
    expect(res.status).toBe(200);
    expect(await loginStatus(basic.bobLaptop.accessKey, res.body.access_secret_key)).toBe(200);
  });

  it('refuses keys named <tenant id>@ (BHOM-managed) with a text that says why', async () => {
    const made = await emu.request('POST', imsPaths.keys, {
      token: admin,
      body: { name: `${ACME}@bhom-link`, expiry_enum: '30 days' },
    });
    for (const key of [made.body.access_key, basic.onboarding.accessKey]) {
      const res = await emu.request('POST', imsPaths.keySecret(key), { token: admin });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/managed by BMC Helix Operations Management/);
      expect(res.body.error).toContain(`"${ACME}@"`);
      expect(res.body.error).toMatch(/cannot be regenerated/);
    }
  });

  it('refuses API keys (they rotate instead)', async () => {
    const res = await emu.request('POST', imsPaths.keySecret(basic.ingest.accessKey), {
      token: admin,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/is an API key: rotate it/);
  });
});

describe('GET /access_keys/{key}/secret', () => {
  it('returns only the stored one-way form', async () => {
    const res = await emu.request('GET', imsPaths.keySecret(basic.acmePlain.accessKey), {
      token: admin,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_key: basic.acmePlain.accessKey,
      encrypted_secret_key: expect.stringMatching(/^\$sha256\$[^$]+\$[^$]+$/),
    });
    expect(res.text).not.toContain(basic.acmePlain.secretKey);
  });
});

describe('API-key rotation', () => {
  it('makes a new key and secret; the old pair works through the grace period only', async () => {
    const made = await emu.request('POST', imsPaths.keys, {
      token: admin,
      body: {
        name: 'stream',
        type: 'API',
        expiry_enum: 'Never expires (not recommended)',
        rotation: { rotation_period: 10, grace_period: 3 },
      },
    });
    const old = {
      accessKey: made.body.access_key as string,
      secretKey: made.body.access_secret_key as string,
    };
    const oldSession = await emu.loginResponse(old);
    await emu.advance(3600);
    admin = await emu.login(basic.acmeAdmin);
    const res = await emu.request('POST', imsPaths.keyRotate(old.accessKey), { token: admin });
    expect(res.status).toBe(200);
    const rotated = res.body;
    expect(rotated.access_key).not.toBe(old.accessKey);
    expect(rotated.user_id).toBe(made.body.user_id);
    expect(rotated.access_secret_key).toMatch(/^[A-Za-z0-9]{50}$/);
    expect(rotated.rotation).toEqual({
      never_rotate: false,
      rotation_period: 10,
      grace_period: 3,
      last_rotation_date: '2026-01-15T11:00:00.000000',
      next_rotation_date: '2026-01-25T11:00:00.000000',
      old_rotation_key: old.accessKey,
    });
    expect(await loginStatus(old.accessKey, old.secretKey)).toBe(200);
    expect(await loginStatus(rotated.access_key, rotated.access_secret_key)).toBe(200);
    expect(await loginStatus(rotated.access_key, old.secretKey)).toBe(401);
    expect((await emu.request('GET', imsPaths.key(old.accessKey), { token: admin })).status).toBe(
      404,
    );
    expect(
      (await emu.request('POST', imsPaths.refresh, { body: { token: oldSession.token } })).status,
    ).toBe(200);
    await emu.advance(3 * DAY - 1);
    const lastSession = await emu.loginResponse(old);
    await emu.advance(1);
    expect(await loginStatus(old.accessKey, old.secretKey)).toBe(401);
    // A token of the old key, still within its 15 minutes, stops with the grace period.
    const late = await emu.request('GET', imsPaths.userinfo, { token: lastSession.json_web_token });
    expect([late.status, late.body.error]).toEqual([
      401,
      'Access key was rotated and its grace period has ended',
    ]);
    expect(
      (await emu.request('POST', imsPaths.refresh, { body: { token: lastSession.token } })).status,
    ).toBe(401);
    admin = await emu.login(basic.acmeAdmin);
    const after = await emu.request('GET', imsPaths.key(rotated.access_key), { token: admin });
    expect(after.body.rotation.old_rotation_key).toBeUndefined();
    expect(await loginStatus(rotated.access_key, rotated.access_secret_key)).toBe(200);
  });

  it('refuses to rotate non-API keys and BHOM-managed keys', async () => {
    const tenantKey = await emu.request('POST', imsPaths.keyRotate(basic.acmePlain.accessKey), {
      token: admin,
    });
    expect(tenantKey.status).toBe(400);
    expect(tenantKey.body.error).toMatch(/is not an API key/);
    const onboarding = await emu.request('POST', imsPaths.keyRotate(basic.onboarding.accessKey), {
      token: admin,
    });
    expect(onboarding.status).toBe(400);
    expect(onboarding.body.error).toMatch(/managed by BMC Helix Operations Management/);
  });

  it('edits the schedule with PATCH .../rotation and the create-time rules', async () => {
    const path = imsPaths.keyRotation(basic.ingest.accessKey);
    const res = await emu.request('PATCH', path, {
      token: admin,
      body: { rotation_period: 60, grace_period: 7 },
    });
    expect(res.status).toBe(200);
    expect(res.body.rotation).toMatchObject({
      never_rotate: false,
      rotation_period: 60,
      grace_period: 7,
    });
    const never = await emu.request('PATCH', path, { token: admin, body: { never_rotate: true } });
    expect(never.body.rotation).toEqual({
      never_rotate: true,
      rotation_period: 60,
      grace_period: 7,
    });
    for (const body of [
      { grace_period: 60 },
      { rotation_period: 0 },
      { never_rotate: 'no' },
      { period: 5 },
    ]) {
      expect(
        (await emu.request('PATCH', path, { token: admin, body })).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    const tenant = await emu.request('PATCH', imsPaths.keyRotation(basic.acmePlain.accessKey), {
      token: admin,
      body: { never_rotate: true },
    });
    expect([tenant.status, tenant.body.error]).toEqual([
      400,
      'rotation is allowed only for API keys',
    ]);
  });
});
