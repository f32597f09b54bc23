import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/emulator/index.js';
import { imsPaths } from '../../../src/wire/paths.js';
import type { AccessKeyRecord } from '../../../src/wire/types.js';
import { basic } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

const running: TestEmulator[] = [];
async function start(options: Parameters<typeof startTestEmulator>[0] = {}) {
  const emu = await startTestEmulator(options);
  running.push(emu);
  return emu;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe('bootstrap of an empty database', () => {
  it('creates a tenant, an admin key that logs in, and the non-deletable onboarding key', async () => {
    const emu = await start({ testClock: true, now: Date.parse('2026-01-15T10:00:00Z') });
    const admin = emu.admin;
    expect(admin?.tenantId).toMatch(/^[1-9]\d{9}$/);
    expect(admin?.accessKey).toMatch(/^(?=.*[A-Z])[A-Z0-9]{30}$/);
    expect(admin?.secretKey).toMatch(/^[A-Za-z0-9]{50}$/);
    if (!admin) return;
    const session = await emu.loginResponse(admin);
    expect(session.tenant_name).toBe('Helix Emulator');
    const me = await emu.request('GET', imsPaths.userinfo, { token: session.json_web_token });
    expect(me.body).toMatchObject({
      groups: ['Administrators'],
      roles: ['Administrator'],
      permissions: ['*'],
      key_type: 'TENANT',
    });
    const keys = (
      await emu.request('GET', `${imsPaths.keys}?orderBy=name`, { token: session.json_web_token })
    ).body.records as AccessKeyRecord[];
    expect(keys).toHaveLength(2);
    const onboarding = keys.find((k) => k.name.startsWith(`${admin.tenantId}@`));
    expect(onboarding).toMatchObject({
      name: `${admin.tenantId}@${Date.parse('2026-01-15T10:00:00Z')}`,
      type: 'API',
      non_deletable: true,
      expiry_enum: 'Never expires (not recommended)',
      rotation: { never_rotate: true, rotation_period: 30, grace_period: 15 },
    });
    expect(keys.find((k) => k.access_key === admin.accessKey)).toMatchObject({
      type: 'TENANT',
      non_deletable: false,
      name: 'helixctl-admin',
    });
    expect(keys.find((k) => k.access_key === admin.accessKey)?.expiry_time).toBeUndefined();
    const roles = await emu.request('GET', imsPaths.roles, { token: session.json_web_token });
    expect(roles.body._metadata.total_count).toBe(5);
  });

  it('does not bootstrap again, nor seed, a database that holds data', async () => {
    const first = await start();
    const credential = first.admin;
    const path = first.dbPath;
    await first.server.close();
    first.emulator.close();
    const again = createEmulator({ db: path, seed: { tenants: [{ name: 'Ignored' }] } });
    try {
      expect(again.bootstrap).toBeUndefined();
      expect(again.initialized).toBe('existing');
      const res = await again.fetch(
        new Request(`http://emulator.local${imsPaths.login}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            access_key: credential?.accessKey,
            access_secret_key: credential?.secretKey,
          }),
        }),
      );
      expect(res.status).toBe(200);
    } finally {
      again.close();
    }
  });
});

describe('error envelope', () => {
  it('answers unknown routes with 404 and known routes with another method with 405 and Allow', async () => {
    const emu = await start({ seed: 'seed-basic.json' });
    for (const path of [
      '/nothing',
      '/ims/api/v1/nothing',
      '/ims/api/v2/access_keys',
      '/__emulator/clock',
    ]) {
      const res = await emu.request('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual({
        timestamp: expect.stringMatching(/Z$/),
        code: 404,
        message: 'NOT_FOUND',
        error: expect.any(String),
      });
    }
    const put = await emu.request('PUT', imsPaths.key(basic.acmeAdmin.accessKey));
    expect(put.status).toBe(405);
    expect(put.body).toMatchObject({ code: 405, message: 'METHOD_NOT_ALLOWED' });
    expect(put.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'PATCH']);
    const getLogin = await emu.request('GET', imsPaths.login);
    expect([getLogin.status, getLogin.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await emu.request('GET', imsPaths.refresh)).status).toBe(405);
  });

  it('answers malformed JSON and non-object bodies with 400', async () => {
    const emu = await start({ seed: 'seed-basic.json' });
    const jwt = await emu.login(basic.acmeAdmin);
    const bad = await emu.request('POST', imsPaths.keys, { token: jwt, rawBody: '{"name": ' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 400,
      message: 'BAD_REQUEST',
      error: 'Malformed JSON in request body',
    });
    const array = await emu.request('POST', imsPaths.login, { rawBody: '[1,2]' });
    expect([array.status, array.body.error]).toEqual([400, 'Request body must be a JSON object']);
    const huge = await emu.request('POST', imsPaths.login, {
      rawBody: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
    });
    expect([huge.status, huge.body.message]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('answers an unexpected failure with a bare 500 and logs it on the server side only', async () => {
    const emu = await start({ seed: 'seed-basic.json' });
    const jwt = await emu.login(basic.acmeAdmin);
    emu.emulator.close(); // every database call now throws
    const res = await emu.request('GET', imsPaths.keys, { token: jwt });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      timestamp: expect.any(String),
      code: 500,
      message: 'INTERNAL_SERVER_ERROR',
      error: 'Internal server error',
    });
    expect(res.text).not.toMatch(/at .*\.ts|Error:/);
    expect(emu.logs.some((line) => line.startsWith(`error: GET ${imsPaths.keys}:`))).toBe(true);
  });
});

describe('request log and helpers', () => {
  it('logs one line per request without secrets, tokens or bodies', async () => {
    const emu = await start({ seed: 'seed-basic.json' });
    const session = await emu.loginResponse(basic.acmeAdmin);
    await emu.request('GET', `${imsPaths.keys}?size=1`, { token: session.json_web_token });
    await emu.request('POST', imsPaths.keySecret(basic.acmePlain.accessKey), {
      token: session.json_web_token,
    });
    expect(emu.logs).toHaveLength(3);
    expect(emu.logs[0]).toMatch(/^POST \/ims\/api\/v1\/access_keys\/login 200 \d+\.\dms$/);
    expect(emu.logs[1]).toMatch(/^GET \/ims\/api\/v1\/access_keys 200 /);
    const all = emu.logs.join('\n');
    for (const secret of [
      basic.acmeAdmin.secretKey,
      session.json_web_token,
      session.token,
      'Bearer',
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('reports health without authentication, and hides the clock without a test clock', async () => {
    const emu = await start();
    const health = await emu.request('GET', imsPaths.emulatorHealth);
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', driver: emu.emulator.driver, test_clock: false });
    expect(
      (await emu.request('POST', imsPaths.emulatorClock, { body: { advance_seconds: 1 } })).status,
    ).toBe(404);
  });

  it('serves in-process as ky fetch, with the bootstrap credential', async () => {
    const emulator = createEmulator();
    try {
      const { default: ky } = await import('ky');
      const api = ky.create({
        prefixUrl: 'http://emulator.local/ims/api/v1',
        fetch: emulator.fetch,
      });
      const admin = emulator.bootstrap?.adminCredential;
      const session = await api
        .post('access_keys/login', {
          json: { access_key: admin?.accessKey, access_secret_key: admin?.secretKey },
        })
        .json<{ json_web_token: string }>();
      const me = await api
        .get('userinfo', { headers: { authorization: `Bearer ${session.json_web_token}` } })
        .json<{ tenant_id: string }>();
      expect(me.tenant_id).toBe(admin?.tenantId);
      await expect(api.get('userinfo').json()).rejects.toMatchObject({ response: { status: 401 } });
    } finally {
      emulator.close();
    }
  });

  it('serves in-process through a Promise-returning fetch', async () => {
    const emulator = createEmulator({ seed: { tenants: [{ name: 'Inline' }] } });
    try {
      const pending = emulator.fetch(new Request(`http://x${imsPaths.emulatorHealth}`));
      expect(pending).toBeInstanceOf(Promise);
      expect((await pending).status).toBe(200);
      expect(emulator.initialized).toBe('seed');
      expect(emulator.seededTenantIds).toHaveLength(1);
    } finally {
      emulator.close();
    }
  });
});
