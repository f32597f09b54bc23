import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/emulator/store/sqlite.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { decodeJwt } from '../../helpers/emulator-jwt.js';
import { ACME, basic, GLOBEX } from '../../helpers/emulator-seed.js';
import { type InProcess, inProcess, START } from './in-process.js';

// Complements test/integration/emulator/auth.test.ts (alg none, tampering, a guessed secret,
// refresh-as-access, expiry after 15 minutes): here tokens are signed with the tenants' real
// secrets, so a refusal can only come from the rule under test, never from a bad signature.

let dir = '';
let emu: InProcess;
const secrets = new Map<string, string>();
let claims: Record<string, unknown> = {};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function sign(
  payload: Record<string, unknown>,
  secret: string,
  header: object = { alg: 'HS256', typ: 'JWT' },
  alg = 'sha256',
) {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac(alg, secret).update(body).digest('base64url')}`;
}
const acmeSecret = () => secrets.get(ACME) ?? '';
const userinfo = (token: string) => emu.send('GET', imsPaths.userinfo, { token });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helixctl-jwt-'));
  const db = join(dir, 'jwt.db');
  emu = inProcess({ db });
  const reader = openDatabase(db);
  for (const row of reader
    .prepare('SELECT tenant_id, signing_secret FROM tenants')
    .all<{ tenant_id: string; signing_secret: string }>()) {
    secrets.set(row.tenant_id, row.signing_secret);
  }
  reader.close();
  claims = decodeJwt(await emu.login(basic.acmeAdmin)).payload;
});
afterAll(() => {
  expect(emu.errors).toEqual([]);
  emu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bearer tokens signed with real tenant secrets', () => {
  it('accepts a token the test signs with the right secret (the control case)', async () => {
    expect((await userinfo(sign(claims, acmeSecret()))).status).toBe(200);
  });

  it("refuses a token claiming one tenant and signed with another tenant's secret", async () => {
    const globex = secrets.get(GLOBEX) ?? '';
    expect(globex).not.toBe('');
    for (const token of [
      sign(claims, globex),
      sign({ ...claims, tenant_id: GLOBEX }, acmeSecret()),
      sign(
        {
          ...claims,
          tenant_id: GLOBEX,
          sub: basic.keyIds.globexAdmin,
          principal_id: basic.globexAdmin.accessKey,
        },
        acmeSecret(),
      ),
    ]) {
      const res = await userinfo(token);
      expect([res.status, res.body.error]).toEqual([401, 'JWT token is missing or expired']);
    }
    // Signed by Globex for a Globex key, but the key named is Acme's: not a key of that tenant.
    const crossed = sign({ ...claims, tenant_id: GLOBEX }, globex);
    expect((await userinfo(crossed)).status).toBe(401);
  });

  it('refuses every algorithm but exactly HS256, whatever the signature', async () => {
    for (const [header, alg] of [
      [{ alg: 'HS512', typ: 'JWT' }, 'sha512'],
      [{ alg: 'HS512', typ: 'JWT' }, 'sha256'],
      [{ alg: 'hs256', typ: 'JWT' }, 'sha256'],
      [{ alg: 'RS256', typ: 'JWT' }, 'sha256'],
      [{ alg: 'none' }, 'sha256'],
      [{ alg: 'HS256', typ: 'JWE' }, 'sha256'],
      [{ typ: 'JWT' }, 'sha256'],
    ] as const) {
      const res = await userinfo(sign(claims, acmeSecret(), header, alg));
      expect(res.status, JSON.stringify(header)).toBe(401);
    }
    const unsigned = `${b64({ alg: 'none' })}.${b64(claims)}.`;
    expect((await userinfo(unsigned)).status).toBe(401);
  });

  it('refuses a token at its exp second, and without a numeric exp', async () => {
    const now = Math.floor(START.getTime() / 1000);
    expect((await userinfo(sign({ ...claims, exp: now + 1 }, acmeSecret()))).status).toBe(200);
    for (const exp of [now, now - 1, String(now + 60), null, undefined]) {
      const res = await userinfo(sign({ ...claims, exp }, acmeSecret()));
      expect(res.status, String(exp)).toBe(401);
    }
  });

  it('refuses a refresh token, or a token of no use, on every protected route', async () => {
    const refresh = sign({ ...claims, token_use: 'refresh' }, acmeSecret());
    const noUse = sign({ ...claims, token_use: undefined }, acmeSecret());
    for (const path of [
      imsPaths.userinfo,
      imsPaths.keys,
      imsPaths.key(basic.acmePlain.accessKey),
      imsPaths.users,
      imsPaths.groups,
      imsPaths.roles,
      imsPaths.emulatorNotifications,
    ]) {
      for (const token of [refresh, noUse]) {
        expect((await emu.send('GET', path, { token })).status, path).toBe(401);
      }
    }
    const rotate = await emu.send('POST', imsPaths.keySecret(basic.acmePlain.accessKey), {
      token: refresh,
    });
    expect(rotate.status).toBe(401);
  });
});
