import { HTTPError, TimeoutError } from 'ky';
import { describe, expect, it } from 'vitest';
import { toHelixError } from '../../../src/api/errors.js';
import type { RequestContext } from '../../../src/api/request-context.js';
import {
  AuthError,
  HelixError,
  NotFoundError,
  PermissionError,
  RuleError,
  ServiceError,
} from '../../../src/core/errors.js';

const SECRET = 'Sx7f2Qk9LmN4pR8tV1wY3zB6cD0eF5gH2jK7mN9pQ4rS6tU8vW';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl';
const GET: RequestContext = {
  method: 'GET',
  path: '/ims/api/v1/access_keys',
  host: 'portal.example',
};
const POST: RequestContext = {
  method: 'POST',
  path: '/ims/api/v1/access_keys',
  host: 'portal.example',
  timeoutMs: 30_000,
  outcome: { what: 'creating key "ci"', checkHint: 'run `helixctl keys list --name ci`' },
};

function envelope(code: number, error: string, message = 'BAD_REQUEST'): string {
  return JSON.stringify({ timestamp: '2026-01-01T00:00:00.000000Z', code, message, error });
}

/** ky's own HTTPError, built the way ky builds it, plus the body text http.ts reads. */
function httpFailure(
  status: number,
  context: RequestContext,
  body?: string,
  headers: Record<string, string> = {},
): [HTTPError, RequestContext] {
  const request = new Request(`https://portal.example${context.path}`, { method: context.method });
  const error = new HTTPError(
    new Response(body ?? null, { status, headers }),
    request,
    {} as never,
  );
  return [error, { ...context, body }];
}

function mapped(
  status: number,
  context: RequestContext,
  body?: string,
  headers?: Record<string, string>,
) {
  const [error, ctx] = httpFailure(status, context, body, headers);
  return toHelixError(error, ctx);
}

function networkFailure(code: string, message = 'fetch failed'): TypeError {
  return new TypeError(message, { cause: Object.assign(new Error(`${code} detail`), { code }) });
}

describe('toHelixError: HTTP statuses', () => {
  it.each([400, 409, 413, 422])(
    'maps %i to RuleError (exit 6) with the IMS error text',
    (status) => {
      const error = mapped(status, GET, envelope(status, 'User access key limit (2) reached'));
      expect(error).toBeInstanceOf(RuleError);
      expect((error as HelixError).exitCode).toBe(6);
      expect((error as HelixError).status).toBe(status);
      expect(error.message).toBe('User access key limit (2) reached');
      expect((error as HelixError).code).toBe('BAD_REQUEST');
    },
  );

  it('falls back to our own words when the body is not the IMS envelope', () => {
    const html = '<html><body><h1>400 Bad Request</h1><p>nginx internal detail</p></body></html>';
    const error = mapped(400, GET, html);
    expect(error).toBeInstanceOf(RuleError);
    expect(error.message).toBe('the service refused GET /ims/api/v1/access_keys (HTTP 400)');
    expect(error.message).not.toContain('nginx');
  });

  it('maps 401, 403 and 404 to their classes and exit codes', () => {
    const auth = mapped(401, GET, envelope(401, 'JWT token is missing or expired', 'UNAUTHORIZED'));
    expect(auth).toBeInstanceOf(AuthError);
    expect((auth as HelixError).exitCode).toBe(3);
    expect(auth.message).toBe('JWT token is missing or expired');
    const denied = mapped(403, GET, envelope(403, 'Insufficient permissions', 'FORBIDDEN'));
    expect(denied).toBeInstanceOf(PermissionError);
    expect((denied as HelixError).exitCode).toBe(4);
    expect(denied.message).toBe('permission denied: Insufficient permissions');
    const missing = mapped(404, GET, envelope(404, 'Access key ABC not found', 'NOT_FOUND'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as HelixError).exitCode).toBe(5);
    expect(missing.message).toBe('Access key ABC not found');
    expect(mapped(404, GET, 'Not Found').message).toBe('not found: GET /ims/api/v1/access_keys');
  });

  it('maps 429 to RATE_LIMITED with the Retry-After wait in message and hint', () => {
    const error = mapped(429, GET, envelope(429, 'slow down'), {
      'retry-after': '30',
    }) as HelixError;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.exitCode).toBe(7);
    expect(error.message).toContain('retry in 30 s');
    expect(error.hint).toContain('Retry-After');
    const long = mapped(429, GET, undefined, { 'retry-after': '7200' }) as HelixError;
    expect(long.message).toContain('retry in 2 h');
    const date = mapped(429, GET, undefined, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' });
    expect(date.message).toContain('retry after 2026-10-21T07:28:00.000Z');
    const none = mapped(429, GET) as HelixError;
    expect(none.message).toContain('retry later');
    expect(none.hint).toContain('no Retry-After');
  });

  it.each([
    [500, 'SERVER_ERROR'],
    [502, 'BAD_GATEWAY'],
    [503, 'SERVICE_UNAVAILABLE'],
    [504, 'GATEWAY_TIMEOUT'],
  ])('maps %i on a GET to ServiceError %s carrying the status', (status, code) => {
    const error = mapped(status, GET, '<html>Bad gateway</html>') as HelixError;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toBe(`service error (HTTP ${status}) on GET /ims/api/v1/access_keys`);
  });

  it.each([500, 502, 504])(
    'maps %i on a POST to OUTCOME_UNKNOWN with the caller hint',
    (status) => {
      const error = mapped(status, POST) as HelixError;
      expect(error.code).toBe('OUTCOME_UNKNOWN');
      expect(error.exitCode).toBe(7);
      expect(error.message).toBe(
        `the service may have completed creating key "ci"; the outcome is unknown (HTTP ${status})`,
      );
      expect(error.hint).toBe('run `helixctl keys list --name ci`');
    },
  );

  it('treats a 503 on a POST as not acted on', () => {
    expect((mapped(503, POST) as HelixError).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('treats login-like POSTs that change nothing like reads', () => {
    expect((mapped(502, { ...POST, mutates: false }) as HelixError).code).toBe('BAD_GATEWAY');
  });

  it('reports a redirect with the target origin only', () => {
    const location = 'https://sso.example/login?state=abc123&session=zzz';
    const error = mapped(302, GET, undefined, { location }) as HelixError;
    expect(error.code).toBe('REDIRECTED');
    expect(error.message).toBe(
      'the service redirected GET /ims/api/v1/access_keys (HTTP 302 to https://sso.example)',
    );
  });

  it('maps 405 to UNSUPPORTED and other statuses to HTTP_<n>', () => {
    expect((mapped(405, GET) as HelixError).code).toBe('UNSUPPORTED');
    expect((mapped(418, GET) as HelixError).code).toBe('HTTP_418');
  });
});

describe('toHelixError: transport failures', () => {
  it('maps a timeout to TIMEOUT naming the limit, or OUTCOME_UNKNOWN for a POST', () => {
    const timeout = new TimeoutError(new Request('https://portal.example/ims/api/v1/access_keys'));
    const read = toHelixError(timeout, { ...GET, timeoutMs: 2500 }) as HelixError;
    expect(read.code).toBe('TIMEOUT');
    expect(read.message).toBe('request timed out after 2.5s: GET /ims/api/v1/access_keys');
    const write = toHelixError(timeout, POST) as HelixError;
    expect(write.code).toBe('OUTCOME_UNKNOWN');
    expect(write.message).toContain('(timed out after 30s)');
  });

  it.each([
    ['ECONNREFUSED', 'cannot connect to portal.example: connection refused'],
    ['ENOTFOUND', 'cannot resolve host portal.example (ENOTFOUND)'],
    ['ECONNRESET', 'the connection to portal.example was lost (ECONNRESET)'],
    ['UND_ERR_SOCKET', 'the connection to portal.example was lost (UND_ERR_SOCKET)'],
    ['UND_ERR_CONNECT_TIMEOUT', 'cannot reach portal.example (UND_ERR_CONNECT_TIMEOUT)'],
  ])('maps %s on a GET to NETWORK_ERROR naming the host', (code, message) => {
    const error = toHelixError(networkFailure(code), GET) as HelixError;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toBe(message);
    expect(error.cause).toBeUndefined();
  });

  it('finds the code inside an AggregateError (Node 20 happy eyeballs)', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED ::1:443'), {
      code: 'ECONNREFUSED',
    });
    const error = new TypeError('fetch failed', {
      cause: new AggregateError([inner], 'all failed'),
    });
    expect(toHelixError(error, GET).message).toContain('connection refused');
  });

  it('says OUTCOME_UNKNOWN for a POST whose connection dropped, NETWORK_ERROR if never sent', () => {
    const reset = toHelixError(networkFailure('ECONNRESET'), POST) as HelixError;
    expect(reset.code).toBe('OUTCOME_UNKNOWN');
    expect(reset.message).toContain('(connection lost: ECONNRESET)');
    const refused = toHelixError(networkFailure('ECONNREFUSED'), POST) as HelixError;
    expect(refused.code).toBe('NETWORK_ERROR');
    const dns = toHelixError(networkFailure('ENOTFOUND'), POST) as HelixError;
    expect(dns.code).toBe('NETWORK_ERROR');
  });

  it('maps invalid JSON to BAD_RESPONSE, or OUTCOME_UNKNOWN for a POST', () => {
    const syntax = new SyntaxError('Unexpected end of JSON input');
    expect((toHelixError(syntax, GET) as HelixError).code).toBe('BAD_RESPONSE');
    expect((toHelixError(syntax, POST) as HelixError).code).toBe('OUTCOME_UNKNOWN');
  });

  it('passes a HelixError through untouched', () => {
    const original = new NotFoundError('gone');
    expect(toHelixError(original, GET)).toBe(original);
  });

  it('returns a plain, scrubbed Error (exit 1) for faults of ours', () => {
    const bug = new RangeError(`bad value ${SECRET} with Bearer ${JWT}`);
    const error = toHelixError(bug, { ...GET, secrets: [SECRET] });
    expect(error).not.toBeInstanceOf(HelixError);
    expect(error.message).toContain(
      'unexpected failure during GET /ims/api/v1/access_keys (RangeError',
    );
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(JWT);
    expect(error.stack).not.toContain(SECRET);
  });
});

describe('toHelixError: message hygiene', () => {
  it('scrubs secrets and tokens a service echoes in its error text', () => {
    const body = envelope(400, `secret ${SECRET} rejected for token ${JWT}`);
    const error = mapped(400, { ...GET, secrets: [SECRET] }, body);
    expect(error.message).toBe('secret *** rejected for token <token>');
  });

  it('keeps one short line of error text', () => {
    const error = mapped(400, GET, envelope(400, `line one\nline two\u0007\t${'x'.repeat(400)}`));
    for (const ch of ['\n', '\r', '\u0007', '\t']) expect(error.message).not.toContain(ch);
    expect(error.message.startsWith('line one line two ')).toBe(true);
    expect(error.message.length).toBeLessThanOrEqual(200);
  });

  it('never keeps the ky error (whose options hold the request body) as cause', () => {
    for (const status of [400, 401, 403, 404, 429, 500, 502]) {
      expect(mapped(status, GET).cause).toBeUndefined();
      expect(mapped(status, POST).cause).toBeUndefined();
    }
  });
});
