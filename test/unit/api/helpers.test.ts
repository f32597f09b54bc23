import { HTTPError, TimeoutError } from 'ky';
import { describe, expect, it } from 'vitest';
import { jwtExpiryMs } from '../../../src/api/jwt.js';
import { classifyNetworkError, ResponseBodyError } from '../../../src/api/network-error.js';
import { oneLine, redact, secretValues } from '../../../src/api/redact.js';
import { describeRetryAfter, parseRetryAfter } from '../../../src/api/retry-after.js';
import { RETRY_AFTER_CAP_MS, vetoRetry } from '../../../src/api/retry-policy.js';
import { AuthError } from '../../../src/core/errors.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('jwtExpiryMs', () => {
  it('reads exp (seconds) as epoch milliseconds, unverified', () => {
    expect(jwtExpiryMs(`${b64({ alg: 'HS256' })}.${b64({ exp: 1_800_000_000 })}.sig`)).toBe(
      1_800_000_000_000,
    );
  });

  it('is undefined for opaque tokens, missing or non-numeric exp, and garbage', () => {
    expect(jwtExpiryMs('opaque-refresh-token')).toBeUndefined();
    expect(jwtExpiryMs(`${b64({})}.${b64({ sub: '1' })}.sig`)).toBeUndefined();
    expect(jwtExpiryMs(`${b64({})}.${b64({ exp: '1800000000' })}.sig`)).toBeUndefined();
    expect(jwtExpiryMs('a.!!!.c')).toBeUndefined();
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-10-21T07:27:00Z');
  it('parses delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('describes the wait for humans', () => {
    expect(describeRetryAfter('45')).toBe('in 45 s');
    expect(describeRetryAfter('600')).toBe('in 10 min');
    expect(describeRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT')).toBe(
      'after 2026-10-21T07:28:00.000Z',
    );
    expect(describeRetryAfter('soon')).toBeUndefined();
  });
});

describe('redaction', () => {
  it('removes known secrets, JWT-shaped strings and bearer values', () => {
    const text = 'key Sx7f2Qk9LmN4pR8tV1wY3z header Bearer abc.def token eyJhbGciOi.eyJzdWIi.sig';
    expect(redact(text, ['Sx7f2Qk9LmN4pR8tV1wY3z'])).toBe(
      'key *** header Bearer *** token <token>',
    );
  });

  it('finds secret-named string fields at any depth', () => {
    const body = {
      access_key: 'AK',
      access_secret_key: 'S1',
      nested: [{ token: 'T1' }],
      password: 'P1',
    };
    expect(secretValues(body).sort()).toEqual(['P1', 'S1', 'T1']);
    expect(secretValues(undefined)).toEqual([]);
  });

  it('flattens to one line and truncates', () => {
    expect(oneLine('a\n\tb\u0000c  d')).toBe('a b c d');
    expect(oneLine('x'.repeat(10), 5)).toBe('xxxx…');
  });
});

describe('network failure classification', () => {
  const fetchFailed = (code: string) =>
    new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

  it('tells failures that never left from those that may have reached the service', () => {
    expect(classifyNetworkError(fetchFailed('ECONNREFUSED'))).toMatchObject({
      kind: 'refused',
      maybeSent: false,
    });
    expect(classifyNetworkError(fetchFailed('ENOTFOUND'))).toMatchObject({
      kind: 'dns',
      transient: false,
    });
    expect(classifyNetworkError(fetchFailed('EAI_AGAIN'))).toMatchObject({
      kind: 'dns',
      transient: true,
    });
    expect(classifyNetworkError(fetchFailed('UND_ERR_SOCKET'))).toMatchObject({
      kind: 'reset',
      maybeSent: true,
    });
    expect(classifyNetworkError(fetchFailed('ERR_TLS_CERT_ALTNAME_INVALID'))).toMatchObject({
      kind: 'tls',
      transient: false,
    });
    expect(classifyNetworkError(new ResponseBodyError(200, 'UND_ERR_SOCKET'))).toMatchObject({
      kind: 'reset',
      maybeSent: true,
    });
  });

  it('ignores errors that are not network failures, even ones with a code', () => {
    expect(classifyNetworkError(new AuthError('no'))).toBeUndefined();
    expect(classifyNetworkError(new Error('boom'))).toBeUndefined();
    expect(classifyNetworkError(new ResponseBodyError(200, 'BODY_TOO_LARGE'))).toBeUndefined();
  });
});

describe('vetoRetry', () => {
  const request = new Request('https://portal.example/x');
  const http = (status: number, retryAfter?: string) =>
    new HTTPError(
      new Response(null, { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} }),
      request,
      {} as never,
    );
  const now = Date.now();

  it('leaves retryable statuses to ky unless Retry-After exceeds the cap', () => {
    expect(vetoRetry(http(503), now)).toBeUndefined();
    expect(vetoRetry(http(429, '1'), now)).toBeUndefined();
    expect(vetoRetry(http(429, String(RETRY_AFTER_CAP_MS / 1000 + 1)), now)).toBe(false);
  });

  it('lets ky decide timeouts, allows transient network failures, forbids the rest', () => {
    expect(vetoRetry(new TimeoutError(request), now)).toBeUndefined();
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }),
    });
    expect(vetoRetry(reset, now)).toBeUndefined();
    const tls = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'CERT_HAS_EXPIRED' }),
    });
    expect(vetoRetry(tls, now)).toBe(false);
    expect(vetoRetry(new Error('a bug'), now)).toBe(false);
  });
});
