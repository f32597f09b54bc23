import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/emulator/store/sqlite.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { decodeJwt, signWith } from '../../helpers/emulator-jwt.js';
import { ACME, basic } from '../../helpers/emulator-seed.js';
import { type InProcess, inProcess, START } from '../hardening/in-process.js';

// The time claims of a bearer token, checked as the service would (issue 11, "Emulator
// tokens"): each token here is signed with the tenant's real secret, so a 401 can only come
// from the time rule under test. 60 s of clock skew is allowed for `iat` and `nbf`.

let dir = '';
let emu: InProcess;
let secret = '';
let claims: Record<string, unknown> = {};
const now = Math.floor(START.getTime() / 1000);
const status = async (change: Record<string, unknown>, path: string = imsPaths.userinfo) =>
  (await emu.send('GET', path, { token: signWith({ ...claims, ...change }, secret) })).status;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helixctl-token-times-'));
  const db = join(dir, 'times.db');
  emu = inProcess({ db });
  const reader = openDatabase(db);
  secret =
    reader
      .prepare('SELECT signing_secret FROM tenants WHERE tenant_id = ?')
      .get<{ signing_secret: string }>(ACME)?.signing_secret ?? '';
  reader.close();
  claims = decodeJwt(await emu.login(basic.acmeAdmin)).payload;
});
afterAll(() => {
  expect(emu.errors).toEqual([]);
  emu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('time claims of bearer tokens', () => {
  it('accepts the control token and small clock skew on iat and nbf', async () => {
    expect(secret).not.toBe('');
    expect(await status({})).toBe(200);
    expect(await status({ iat: now + 30, exp: now + 900 })).toBe(200);
    expect(await status({ nbf: now + 60 })).toBe(200);
    expect(await status({ nbf: now - 3600 })).toBe(200);
  });

  it('refuses a token that is not valid yet (nbf in the future beyond the skew)', async () => {
    for (const nbf of [now + 61, now + 3600, now + 10 * 365 * 86_400]) {
      expect(await status({ nbf }), String(nbf)).toBe(401);
    }
    for (const nbf of ['0', null, 1.5, -1, 1e300]) {
      expect(await status({ nbf }), String(nbf)).toBe(401);
    }
  });

  it('refuses a token issued in the future (iat ten years ahead)', async () => {
    const tenYears = now + 10 * 365 * 86_400;
    expect(await status({ iat: tenYears, exp: tenYears + 900 })).toBe(401);
    expect(await status({ iat: now + 61 })).toBe(401);
  });

  it('refuses an exp that is not a whole second in a sane range', async () => {
    for (const exp of [1e300, Number.MAX_SAFE_INTEGER, now + 900.5, now + 365 * 86_400]) {
      expect(await status({ exp }), String(exp)).toBe(401);
    }
    // exp before iat: a token that was never valid.
    expect(await status({ iat: now, exp: now - 10 })).toBe(401);
  });

  it('applies the same rules on every protected route and to refresh tokens', async () => {
    expect(await status({ exp: 1e300 }, imsPaths.keys)).toBe(401);
    const refresh = signWith({ ...claims, token_use: 'refresh', nbf: now + 3600 }, secret);
    const res = await emu.send('POST', imsPaths.refresh, { json: { token: refresh } });
    expect(res.status).toBe(401);
  });
});
