import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { algNone, decodeJwt, signWith, tamper } from '../../helpers/emulator-jwt.js';
import { ACME, basic, GLOBEX } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

const NOW = Date.parse('2026-01-15T10:00:00Z');
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json', testClock: true, now: NOW });
});
afterAll(async () => emu?.close());

const loginBody = (
  c: { accessKey: string; secretKey: string },
  extra: Record<string, unknown> = {},
) => ({
  access_key: c.accessKey,
  access_secret_key: c.secretKey,
  ...extra,
});

describe('POST /access_keys/login', () => {
  it('returns both tokens and the identity, with or without tenant_id', async () => {
    for (const extra of [{}, { tenant_id: ACME }]) {
      const res = await emu.request('POST', imsPaths.login, {
        body: loginBody(basic.acmeAdmin, extra),
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        json_web_token: expect.any(String),
        token: expect.any(String),
        user_id: basic.keyIds.acmeAdmin,
        tenant_id: ACME,
        principal_id: basic.acmeAdmin.accessKey,
        tenant_name: 'Acme',
      });
      const access = decodeJwt(res.body.json_web_token);
      expect(access.header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(access.payload).toMatchObject({
        sub: basic.keyIds.acmeAdmin,
        tenant_id: ACME,
        token_use: 'access',
        type: 'API',
      });
      expect(Number(access.payload.exp) - Number(access.payload.iat)).toBe(900);
      const refresh = decodeJwt(res.body.token).payload;
      expect(refresh.token_use).toBe('refresh');
      expect(Number(refresh.exp) - Number(refresh.iat)).toBe(86_400);
    }
  });

  it('records last_access at login', async () => {
    const jwt = await emu.login(basic.acmePlain);
    const admin = await emu.login(basic.acmeAdmin);
    const res = await emu.request('GET', imsPaths.key(basic.acmePlain.accessKey), { token: admin });
    expect(res.body.last_access).toBe('2026-01-15T10:00:00.000000');
    expect(jwt).toBeTruthy();
  });

  it('answers 401 for a wrong secret or an unknown key, with the same text', async () => {
    const wrong = await emu.request('POST', imsPaths.login, {
      body: loginBody({ ...basic.acmeAuditor, secretKey: 'x'.repeat(50) }),
    });
    const unknown = await emu.request('POST', imsPaths.login, {
      body: loginBody({ accessKey: 'NOSUCHKEY000000000000000000000', secretKey: 'x'.repeat(50) }),
    });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        code: 401,
        message: 'UNAUTHORIZED',
        error: 'Invalid access key or secret key',
      });
      expect(res.body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    }
  });

  it('answers 404 for an unknown tenant, and for a tenant that is not the key tenant', async () => {
    const unknown = await emu.request('POST', imsPaths.login, {
      body: loginBody(basic.acmeAdmin, { tenant_id: '9999999999' }),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('Tenant 9999999999 not found');
    const other = await emu.request('POST', imsPaths.login, {
      body: loginBody(basic.acmeAdmin, { tenant_id: GLOBEX }),
    });
    expect(other.status).toBe(404);
    expect(other.body.error).toBe(`Tenant ${GLOBEX} not found`);
  });

  it('refuses inactive and expired keys with 401', async () => {
    const inactive = await emu.request('POST', imsPaths.login, { body: loginBody(basic.inactive) });
    expect([inactive.status, inactive.body.error]).toEqual([401, 'Access key is inactive']);
    const expired = await emu.request('POST', imsPaths.login, { body: loginBody(basic.expired) });
    expect([expired.status, expired.body.error]).toEqual([401, 'Access key is expired']);
  });

  it('needs access_key and access_secret_key', async () => {
    const res = await emu.request('POST', imsPaths.login, {
      body: { access_key: basic.acmeAdmin.accessKey },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('BAD_REQUEST');
  });
});

describe('GET /userinfo', () => {
  it('describes a tenant key by its own principal', async () => {
    const res = await emu.request('GET', imsPaths.userinfo, {
      token: await emu.login(basic.acmeAuditor),
    });
    expect(res.body).toEqual({
      user_id: basic.keyIds.acmeAuditor,
      tenant_id: ACME,
      tenant_name: 'Acme',
      tenant_domain_name: 'acme.example.com',
      principal_id: basic.acmeAuditor.accessKey,
      type: 'API',
      auth_type: 'IMS_AUTH',
      roles: ['Access Key Auditor'],
      groups: ['Auditors'],
      permissions: ['ims:access_keys:read'],
      key_type: 'TENANT',
    });
  });

  it('describes a user key by its owner: user id, roles, groups and permissions', async () => {
    const res = await emu.request('GET', imsPaths.userinfo, {
      token: await emu.login(basic.bobLaptop),
    });
    expect(res.body).toMatchObject({
      user_id: basic.users.bob,
      principal_id: basic.bobLaptop.accessKey,
      roles: ['Viewer'],
      groups: [],
      permissions: ['portal:read'],
      key_type: 'USER',
    });
  });
});

describe('bearer tokens', () => {
  it('refuses a missing, malformed, tampered or unsigned token', async () => {
    const jwt = await emu.login(basic.acmeAuditor);
    const cases = [
      undefined,
      'nonsense',
      tamper(jwt, { sub: basic.keyIds.acmeAdmin }),
      algNone(jwt),
    ];
    for (const token of cases) {
      const res = await emu.request('GET', imsPaths.userinfo, token === undefined ? {} : { token });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.body).toMatchObject({
        code: 401,
        message: 'UNAUTHORIZED',
        error: 'JWT token is missing or expired',
      });
    }
  });

  it('refuses a token signed for another tenant, or with a guessed secret', async () => {
    const acme = decodeJwt(await emu.login(basic.acmeAdmin)).payload;
    const claimsGlobex = { ...acme, tenant_id: GLOBEX, sub: basic.keyIds.globexAdmin };
    for (const token of [signWith(claimsGlobex, 'guess'), signWith(acme, 'secret')]) {
      expect((await emu.request('GET', imsPaths.userinfo, { token })).status).toBe(401);
    }
  });

  it('refuses a refresh token used as an access token', async () => {
    const { token } = await emu.loginResponse(basic.acmeAdmin);
    expect((await emu.request('GET', imsPaths.userinfo, { token })).status).toBe(401);
  });

  it('stops a token as soon as its key is deactivated, and takes it back on reactivation', async () => {
    const admin = await emu.login(basic.acmeAdmin);
    const plain = await emu.login(basic.acmePlain);
    const patch = (status: string) =>
      emu.request('PATCH', imsPaths.key(basic.acmePlain.accessKey), {
        token: admin,
        body: { status },
      });
    expect((await patch('INACTIVE')).status).toBe(200);
    const refused = await emu.request('GET', imsPaths.userinfo, { token: plain });
    expect([refused.status, refused.body.error]).toEqual([401, 'Access key is inactive']);
    expect((await patch('ACTIVE')).status).toBe(200);
    expect((await emu.request('GET', imsPaths.userinfo, { token: plain })).status).toBe(200);
  });
});

describe('POST /auth/tokens', () => {
  it('gives a fresh access token for a refresh token, in the body or as a bearer header', async () => {
    const { token } = await emu.loginResponse(basic.acmeAdmin);
    await emu.advance(60);
    const body = await emu.request('POST', imsPaths.refresh, { body: { token } });
    expect(body.status).toBe(200);
    expect(Object.keys(body.body)).toEqual(['json_web_token']);
    expect(decodeJwt(body.body.json_web_token).payload.token_use).toBe('access');
    expect(
      (await emu.request('GET', imsPaths.userinfo, { token: body.body.json_web_token })).status,
    ).toBe(200);
    const header = await emu.request('POST', imsPaths.refresh, { token });
    expect(header.status).toBe(200);
  });

  it('refuses an access token, a tampered token and garbage with 401', async () => {
    const { json_web_token: access, token } = await emu.loginResponse(basic.acmeAdmin);
    for (const candidate of [access, tamper(token, { sub: basic.keyIds.acmeAuditor }), 'x.y.z']) {
      const res = await emu.request('POST', imsPaths.refresh, { body: { token: candidate } });
      expect([res.status, res.body.error]).toEqual([401, 'Refresh token is invalid or expired']);
    }
  });

  it('expires access tokens after 15 minutes and refresh tokens after 24 hours', async () => {
    const { json_web_token: access, token } = await emu.loginResponse(basic.acmeAdmin);
    await emu.advance(15 * 60);
    expect((await emu.request('GET', imsPaths.userinfo, { token: access })).status).toBe(401);
    expect((await emu.request('POST', imsPaths.refresh, { body: { token } })).status).toBe(200);
    await emu.advance(24 * 3600);
    expect((await emu.request('POST', imsPaths.refresh, { body: { token } })).status).toBe(401);
  });
});
