import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type JwtClaims, newJti, signJwt, verifyJwt } from '../../../src/emulator/crypto/jwt.js';
import { newAccessKey, newSecretKey, randomDigits } from '../../../src/emulator/crypto/random.js';
import { hashSecret, verifySecret } from '../../../src/emulator/crypto/secret-hash.js';

describe('generated credentials', () => {
  it('makes 30-char [A-Z0-9] access keys that always hold a letter', () => {
    const keys = Array.from({ length: 500 }, newAccessKey);
    for (const key of keys) expect(key).toMatch(/^(?=.*[A-Z])[A-Z0-9]{30}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('makes 50-char [A-Za-z0-9] secrets using the whole alphabet', () => {
    const secrets = Array.from({ length: 200 }, newSecretKey);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9]{50}$/);
    const seen = new Set(secrets.join(''));
    expect(seen.size).toBe(62);
  });

  it('makes numeric ids of the asked length that never start with 0', () => {
    for (let i = 0; i < 200; i += 1) expect(randomDigits(15)).toMatch(/^[1-9]\d{14}$/);
  });
});

describe('secret hashing', () => {
  it('stores $sha256$salt$hmac with a fresh salt each time and verifies only the secret', () => {
    const secret = newSecretKey();
    const a = hashSecret(secret);
    const b = hashSecret(secret);
    expect(a).toMatch(/^\$sha256\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(verifySecret(secret, a)).toBe(true);
    expect(verifySecret(`${secret.slice(0, -1)}X`, a)).toBe(false);
    expect(verifySecret(secret, undefined)).toBe(false);
    expect(verifySecret(secret, '$md5$x$y')).toBe(false);
    expect(verifySecret(secret, 'garbage')).toBe(false);
  });
});

const SECRET = 'tenant-one-secret';
const NOW = 1_800_000_000_000;
const claims = (over: Partial<JwtClaims> = {}): JwtClaims => ({
  sub: '100000000000001',
  tenant_id: '1000000001',
  principal_id: 'AK',
  type: 'API',
  token_use: 'access',
  iat: NOW / 1000,
  exp: NOW / 1000 + 900,
  jti: newJti(),
  ...over,
});
const secrets = (id: string) => ({ '1000000001': SECRET, '2000000002': 'tenant-two-secret' })[id];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JWT (HS256 by hand)', () => {
  it('accepts its own tokens', () => {
    const result = verifyJwt(signJwt(claims(), SECRET), secrets, NOW, 'access');
    expect(result.ok && result.claims.sub).toBe('100000000000001');
  });

  it('refuses a tampered payload', () => {
    const [h, , s] = signJwt(claims(), SECRET).split('.');
    const forged = `${h}.${b64(claims({ sub: '999999999999999' }))}.${s}`;
    expect(verifyJwt(forged, secrets, NOW, 'access')).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses alg none and every other algorithm', () => {
    const body = b64(claims());
    expect(
      verifyJwt(`${b64({ alg: 'none', typ: 'JWT' })}.${body}.`, secrets, NOW, 'access').ok,
    ).toBe(false);
    expect(verifyJwt(`${b64({ alg: 'none' })}.${body}.e30`, secrets, NOW, 'access')).toEqual({
      ok: false,
      reason: 'algorithm',
    });
    for (const alg of ['HS512', 'RS256', 'hs256']) {
      const head = b64({ alg, typ: 'JWT' });
      const sig = createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url');
      expect(verifyJwt(`${head}.${body}.${sig}`, secrets, NOW, 'access')).toEqual({
        ok: false,
        reason: 'algorithm',
      });
    }
  });

  it('refuses a token signed with another tenant secret', () => {
    const token = signJwt(claims({ tenant_id: '2000000002' }), SECRET);
    expect(verifyJwt(token, secrets, NOW, 'access')).toEqual({ ok: false, reason: 'signature' });
    const unknown = signJwt(claims({ tenant_id: '3000000003' }), SECRET);
    expect(verifyJwt(unknown, secrets, NOW, 'access')).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses expired tokens at exp exactly', () => {
    const token = signJwt(claims(), SECRET);
    expect(verifyJwt(token, secrets, NOW + 899_999, 'access').ok).toBe(true);
    expect(verifyJwt(token, secrets, NOW + 900_000, 'access')).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a refresh token used as an access token and the reverse', () => {
    expect(
      verifyJwt(signJwt(claims({ token_use: 'refresh' }), SECRET), secrets, NOW, 'access'),
    ).toEqual({
      ok: false,
      reason: 'token_use',
    });
    expect(verifyJwt(signJwt(claims(), SECRET), secrets, NOW, 'refresh')).toEqual({
      ok: false,
      reason: 'token_use',
    });
  });

  it('refuses malformed tokens', () => {
    for (const token of ['', 'a.b', 'a.b.c.d', 'not a jwt', '..', `${b64('x')}.${b64([])}.sig`]) {
      expect(verifyJwt(token, secrets, NOW, 'access').ok).toBe(false);
    }
  });
});
