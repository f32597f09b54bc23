import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttp, type Http, type HttpMethod, type TraceEvent } from '../../../src/api/http.js';
import type { HelixError } from '../../../src/core/errors.js';
import { type FaultServer, imsError, startFaultServer } from '../../helpers/http-fault-server.js';

const PATH = '/ims/api/v1/access_keys/AK0TESTKEY0000000000000000000A';
let server: FaultServer;
let traces: TraceEvent[];
let http: Http;

beforeEach(async () => {
  server = await startFaultServer();
  traces = [];
  http = createHttp({
    baseUrl: server.url,
    userAgent: 'helixctl-test',
    onTrace: (e) => traces.push(e),
  });
});
afterEach(async () => {
  expect(server.unmatched).toEqual([]);
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<HelixError> {
  return promise.then(
    () => expect.fail('expected the request to fail'),
    (error: HelixError) => error,
  );
}

describe('retries of idempotent methods', () => {
  it('retries a GET through two 503s and returns the third answer', async () => {
    server.sequence('GET', PATH, [
      { status: 503, body: imsError(503, 'busy') },
      { status: 503, body: imsError(503, 'busy') },
      { status: 200, body: { name: 'ci' } },
    ]);
    expect(await http.request({ method: 'GET', path: PATH })).toEqual({ name: 'ci' });
    expect(server.count('GET', PATH)).toBe(3);
    expect(traces.map((t) => [t.attempt, t.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
  });

  it.each([429, 502, 503, 504])('makes exactly 3 tries of a GET answered %i', async (status) => {
    server.on('GET', PATH, { status, body: imsError(status, 'nope') });
    const error = await failure(http.request({ method: 'GET', path: PATH }));
    expect(error.exitCode).toBe(7);
    expect(error.status).toBe(status);
    expect(server.count('GET', PATH)).toBe(3);
  });

  it.each<HttpMethod>(['PUT', 'DELETE', 'HEAD'])('retries %s too', async (method) => {
    server.on(method, PATH, { status: 502 });
    await failure(http.request({ method, path: PATH, json: method === 'PUT' ? {} : undefined }));
    expect(server.count(method, PATH)).toBe(3);
  });

  it.each([400, 401, 403, 404, 409, 500])('does not retry a GET answered %i', async (status) => {
    server.on('GET', PATH, { status, body: imsError(status, 'no') });
    await failure(http.request({ method: 'GET', path: PATH }));
    expect(server.count('GET', PATH)).toBe(1);
  });

  it('retries a GET whose connection is reset, then reports NETWORK_ERROR', async () => {
    server.on('GET', PATH, { reset: true });
    const error = await failure(http.request({ method: 'GET', path: PATH }));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toContain(new URL(server.url).host);
    expect(server.count('GET', PATH)).toBe(3);
  });

  it('retries a GET whose body is cut off, then reports BAD_RESPONSE', async () => {
    server.on('GET', PATH, {
      truncate: { body: JSON.stringify({ name: 'x'.repeat(200) }), sentBytes: 20 },
    });
    const error = await failure(http.request({ method: 'GET', path: PATH }));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(server.count('GET', PATH)).toBe(3);
  });
});

describe('POST and PATCH are never retried', () => {
  const outcome = { what: 'creating key "ci"', checkHint: 'look before you leap' };

  it.each([429, 502, 503, 504])('sends one POST when answered %i', async (status) => {
    server.on('POST', '/ims/api/v1/access_keys', { status, body: imsError(status, 'no') });
    await failure(
      http.request({ method: 'POST', path: '/ims/api/v1/access_keys', json: {}, outcome }),
    );
    expect(server.count('POST', '/ims/api/v1/access_keys')).toBe(1);
  });

  it.each<[HttpMethod, string]>([
    ['POST', '/ims/api/v1/access_keys'],
    ['PATCH', PATH],
  ])('%s with a reset connection: one request, OUTCOME_UNKNOWN', async (method, path) => {
    server.on(method, path, { reset: true });
    const error = await failure(http.request({ method, path, json: { name: 'ci' }, outcome }));
    expect(server.count(method, path)).toBe(1);
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.message).toBe(
      'the service may have completed creating key "ci"; the outcome is unknown (connection lost: UND_ERR_SOCKET)',
    );
    expect(error.hint).toBe('look before you leap');
  });

  it('POST with a body cut off mid-way: one request, OUTCOME_UNKNOWN', async () => {
    const body = JSON.stringify({ access_key: 'A'.repeat(30), access_secret_key: 'S'.repeat(50) });
    server.on('POST', '/ims/api/v1/access_keys', {
      truncate: { status: 201, body, sentBytes: 40 },
    });
    const error = await failure(
      http.request({ method: 'POST', path: '/ims/api/v1/access_keys', outcome }),
    );
    expect(server.count('POST', '/ims/api/v1/access_keys')).toBe(1);
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.message).not.toContain('S'.repeat(10));
  });

  it('PATCH answered 502: one request, OUTCOME_UNKNOWN with the status', async () => {
    server.on('PATCH', PATH, { status: 502, body: '<html>bad gateway</html>' });
    const error = await failure(http.request({ method: 'PATCH', path: PATH, json: {}, outcome }));
    expect(server.count('PATCH', PATH)).toBe(1);
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.status).toBe(502);
  });

  it('POST refused before sending: NETWORK_ERROR, not OUTCOME_UNKNOWN', async () => {
    const closed = await startFaultServer();
    const url = closed.url;
    await closed.close();
    const lonely = createHttp({ baseUrl: url, userAgent: 't', onTrace: (e) => traces.push(e) });
    const error = await failure(lonely.request({ method: 'POST', path: '/x', outcome }));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toBe(`cannot connect to ${new URL(url).host}: connection refused`);
    expect(traces).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  it('waits as long as Retry-After (seconds) asks before trying again', async () => {
    // The gate answers 200 only once 900 ms have passed since the 429: ignoring the header
    // (a backoff of at most 300 ms) would meet another 429 and need a third request.
    let limitedAt = 0;
    server.on('GET', PATH, (_req, n) => {
      if (n === 1 || Date.now() - limitedAt < 900) {
        limitedAt = Date.now();
        return { status: 429, headers: { 'retry-after': '1' }, body: imsError(429, 'slow down') };
      }
      return { status: 200, body: { ok: true } };
    });
    expect(await http.request({ method: 'GET', path: PATH })).toEqual({ ok: true });
    expect(server.count('GET', PATH)).toBe(2);
  });

  it('waits until a Retry-After HTTP date', async () => {
    let openAt = 0;
    server.on('GET', PATH, (_req, n) => {
      if (n === 1) {
        openAt = (Math.floor(Date.now() / 1000) + 2) * 1000;
        return { status: 503, headers: { 'retry-after': new Date(openAt).toUTCString() } };
      }
      return Date.now() >= openAt - 100 ? { status: 200, body: { ok: true } } : { status: 503 };
    });
    expect(await http.request({ method: 'GET', path: PATH })).toEqual({ ok: true });
    expect(server.count('GET', PATH)).toBe(2);
  });

  it('fails fast, saying when to retry, when Retry-After is beyond the cap', async () => {
    server.on('GET', PATH, {
      status: 429,
      headers: { 'retry-after': '3600' },
      body: imsError(429, 'x'),
    });
    const error = await failure(http.request({ method: 'GET', path: PATH }));
    expect(server.count('GET', PATH)).toBe(1);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toContain('retry in 60 min');
  });

  it('reports RATE_LIMITED with the wait after the last try', async () => {
    server.on('GET', PATH, {
      status: 429,
      headers: { 'retry-after': '1' },
      body: imsError(429, 'x'),
    });
    const error = await failure(http.request({ method: 'GET', path: PATH }));
    expect(server.count('GET', PATH)).toBe(3);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.hint).toContain('Retry-After');
  });
});
