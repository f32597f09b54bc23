import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttp, type TraceEvent } from '../../../src/api/http.js';
import { type HelixError, UsageError } from '../../../src/core/errors.js';
import { type FaultServer, imsError, startFaultServer } from '../../helpers/http-fault-server.js';

const PATH = '/ims/api/v1/access_keys';
let server: FaultServer;
let traces: TraceEvent[];

beforeEach(async () => {
  server = await startFaultServer();
  traces = [];
});
afterEach(async () => {
  expect(server.unmatched).toEqual([]);
  await server.close();
});

const client = (timeoutMs?: number) =>
  createHttp({
    baseUrl: server.url,
    timeoutMs,
    userAgent: 'helixctl-test/1',
    onTrace: (e) => traces.push(e),
  });

async function failure(promise: Promise<unknown>): Promise<HelixError> {
  return promise.then(
    () => expect.fail('expected the request to fail'),
    (error: HelixError) => error,
  );
}

describe('timeouts', () => {
  it('maps a GET that hangs to TIMEOUT naming the limit, without retrying it', async () => {
    server.on('GET', PATH, { hang: true });
    const started = Date.now();
    const error = await failure(client(400).request({ method: 'GET', path: PATH }));
    expect(Date.now() - started).toBeLessThan(400 + 1000);
    expect(error.code).toBe('TIMEOUT');
    expect(error.exitCode).toBe(7);
    expect(error.message).toBe(`request timed out after 0.4s: GET ${PATH}`);
    expect(server.count('GET', PATH)).toBe(1);
  });

  it('covers a body that stalls after the headers', async () => {
    server.on('GET', PATH, { truncate: { body: '{"records":[]}', sentBytes: 5, hang: true } });
    const error = await failure(client(400).request({ method: 'GET', path: PATH }));
    expect(error.code).toBe('TIMEOUT');
  });

  it('maps a POST that times out to OUTCOME_UNKNOWN after one request', async () => {
    server.on('POST', PATH, { hang: true });
    const error = await failure(
      client(300).request({
        method: 'POST',
        path: PATH,
        json: { name: 'ci' },
        outcome: { what: 'creating key "ci"', checkHint: 'list the keys named ci' },
      }),
    );
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.message).toBe(
      'the service may have completed creating key "ci"; the outcome is unknown (timed out after 0.3s)',
    );
    expect(server.count('POST', PATH)).toBe(1);
  });

  it('defaults to 30 s and refuses nonsense', () => {
    expect(() => createHttp({ baseUrl: server.url, userAgent: 't', timeoutMs: 0 })).toThrow(
      UsageError,
    );
    expect(() =>
      createHttp({ baseUrl: server.url, userAgent: 't', timeoutMs: Number.NaN }),
    ).toThrow(UsageError);
  });
});

describe('requests on the wire', () => {
  it('sends JSON headers, the user agent, the bearer token and camelCase query as given', async () => {
    server.on('GET', PATH, { status: 200, body: { records: [] } });
    server.on('POST', PATH, { status: 201, body: { ok: true } });
    const http = client();
    await http.request({
      method: 'GET',
      path: PATH,
      token: 'tok-123456',
      query: { page: 2, orderBy: 'name', sortOrder: undefined },
    });
    await http.request({ method: 'POST', path: PATH, json: { name: 'ci' } });
    const [get, post] = server.requests;
    expect(get?.headers.accept).toBe('application/json');
    expect(get?.headers['content-type']).toBe('application/json');
    expect(get?.headers['user-agent']).toBe('helixctl-test/1');
    expect(get?.headers.authorization).toBe('Bearer tok-123456');
    expect(get?.query.toString()).toBe('page=2&orderBy=name');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.headers.authorization).toBeUndefined();
    expect(JSON.parse(post?.body ?? '')).toEqual({ name: 'ci' });
  });

  it('keeps a path prefix of the portal URL', async () => {
    server.on('GET', `/portal${PATH}`, { status: 200, body: {} });
    const http = createHttp({ baseUrl: `${server.url}/portal`, userAgent: 't' });
    await http.request({ method: 'GET', path: PATH });
    expect(server.count('GET', `/portal${PATH}`)).toBe(1);
  });

  it('refuses portal URLs with credentials or another scheme', () => {
    expect(() => createHttp({ baseUrl: 'https://u:p@portal.example', userAgent: 't' })).toThrow(
      UsageError,
    );
    expect(() => createHttp({ baseUrl: 'ftp://portal.example', userAgent: 't' })).toThrow(
      UsageError,
    );
    expect(() => createHttp({ baseUrl: 'not a url', userAgent: 't' })).toThrow(UsageError);
  });

  it('traces each try with method, URL, status, time and attempt, and nothing else', async () => {
    server.sequence('GET', PATH, [{ status: 502 }, { status: 200, body: {} }]);
    await client().request({ method: 'GET', path: PATH, token: 'tok-abcdef', query: { page: 0 } });
    expect(traces).toHaveLength(2);
    for (const [i, event] of traces.entries()) {
      expect(Object.keys(event).sort()).toEqual(['attempt', 'method', 'ms', 'status', 'url']);
      expect(event).toMatchObject({
        method: 'GET',
        url: `${server.url}${PATH}?page=0`,
        attempt: i + 1,
      });
      expect(event.ms).toBeGreaterThanOrEqual(0);
    }
    expect(traces.map((t) => t.status)).toEqual([502, 200]);
  });

  it('traces a try that got no response with an error code', async () => {
    server.on('POST', PATH, { reset: true });
    await failure(client().request({ method: 'POST', path: PATH }));
    expect(traces).toEqual([
      expect.objectContaining({
        method: 'POST',
        status: undefined,
        error: 'UND_ERR_SOCKET',
        attempt: 1,
      }),
    ]);
  });
});

describe('unusable responses', () => {
  it('maps invalid JSON on a 200 to BAD_RESPONSE without retrying', async () => {
    server.on('GET', PATH, { status: 200, body: '<html>login page</html>' });
    const error = await failure(client().request({ method: 'GET', path: PATH }));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toBe(
      `the service sent an unreadable response to GET ${PATH} (invalid JSON)`,
    );
    expect(server.count('GET', PATH)).toBe(1);
  });

  it('never echoes an HTML error page', async () => {
    server.on('GET', PATH, {
      status: 400,
      body: '<html><title>Oops</title>stack trace here</html>',
    });
    const error = await failure(client().request({ method: 'GET', path: PATH }));
    expect(error.message).toBe(`the service refused GET ${PATH} (HTTP 400)`);
  });

  it('reports a redirect instead of following it', async () => {
    server.on('GET', PATH, {
      status: 302,
      headers: { location: `${server.url}/login?state=s3cr3t` },
    });
    const error = await failure(client().request({ method: 'GET', path: PATH }));
    expect(error.code).toBe('REDIRECTED');
    expect(error.message).not.toContain('s3cr3t');
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a body larger than any IMS answer', async () => {
    server.on('GET', PATH, { status: 200, body: `"${'x'.repeat(33 * 1024 * 1024)}"` });
    const error = await failure(client().request({ method: 'GET', path: PATH }));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(server.count('GET', PATH)).toBe(1);
  });

  it('accepts an empty body where none is expected (DELETE → 204)', async () => {
    server.on('DELETE', PATH, { status: 204 });
    expect(
      await client().request({ method: 'DELETE', path: PATH, expect: 'none' }),
    ).toBeUndefined();
  });
});

describe('injected fetch', () => {
  it('goes through the given function, which may return a bare Response', async () => {
    const seen: Request[] = [];
    // Like hono's app.fetch: synchronous, in-process, no socket. The host does not resolve,
    // so a fall back to the global fetch would fail.
    const inProcess = (request: Request): Response => {
      seen.push(request);
      if (seen.length === 1)
        return new Response(JSON.stringify(imsError(503, 'warming up')), { status: 503 });
      return Response.json({ via: 'injected', path: new URL(request.url).pathname });
    };
    const http = createHttp({
      baseUrl: 'http://emulator.invalid',
      userAgent: 't',
      fetch: inProcess,
      onTrace: (e) => traces.push(e),
    });
    expect(await http.request({ method: 'GET', path: PATH })).toEqual({
      via: 'injected',
      path: PATH,
    });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
    expect(traces.map((t) => t.status)).toEqual([503, 200]);
  });

  it("works with hono's app.fetch passed as is (sync handlers return a bare Response)", async () => {
    const { Hono } = await import('hono');
    const app = new Hono();
    app.get(PATH, (c) => c.json({ page: c.req.query('page') ?? null }));
    app.post(PATH, async (c) => c.json({ echoed: await c.req.json() }, 201));
    const http = createHttp({
      baseUrl: 'http://emulator.invalid',
      userAgent: 't',
      fetch: app.fetch,
    });
    expect(await http.request({ method: 'GET', path: PATH, query: { page: 3 } })).toEqual({
      page: '3',
    });
    expect(await http.request({ method: 'POST', path: PATH, json: { name: 'ci' } })).toEqual({
      echoed: { name: 'ci' },
    });
  });

  it('maps an error thrown by the injected fetch like any network failure', async () => {
    const down = async (): Promise<Response> => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    };
    const http = createHttp({ baseUrl: 'http://emulator.invalid', userAgent: 't', fetch: down });
    const error = await failure(http.request({ method: 'GET', path: PATH }));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toBe('cannot connect to emulator.invalid: connection refused');
  });
});

describe('the global fetch injected', () => {
  it('maps a port fetch refuses outright (a Fetch-standard "bad port") to a usage error, untried', async () => {
    const http = createHttp({
      baseUrl: 'http://127.0.0.1:6000',
      userAgent: 't',
      fetch: (request) => globalThis.fetch(request),
      onTrace: (e) => traces.push(e),
    });
    const error = await failure(http.request({ method: 'GET', path: PATH }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/fetch refuses that port/);
    expect(traces).toHaveLength(1);
  });
});
