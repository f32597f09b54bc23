import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImsClient, type ImsClient } from '../../../src/api/client.js';
import { AuthError, type HelixError, ServiceError } from '../../../src/core/errors.js';
import { ExitCode } from '../../../src/core/exit-codes.js';
import { parseWireTimestamp } from '../../../src/core/timestamp.js';
import type { FaultAction } from '../../helpers/http-fault-server.js';
import {
  ACCESS_KEY,
  type ImsLoopback,
  SECRET_KEY,
  signJwt,
  startImsLoopback,
  TENANT_ID,
} from './ims-loopback.js';

// Replays the answers recorded in test/fixtures/service-shapes/ (each with the note of where
// its shape comes from) against the real client over loopback HTTP: the shapes the service
// may send (issue 12) are read, the hostile ones (issue 11) fail with one line and exit 7.

const DIR = join(import.meta.dirname, '../../fixtures/service-shapes');
const KEY = 'AKSHAPE0000000000000000000001';
const LOGIN = '/ims/api/v1/access_keys/login';
const REFRESH = '/ims/api/v1/auth/tokens';
const KEYS = '/ims/api/v1/access_keys';

interface Fixture {
  source: string;
  route: { method: string; path: string };
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  text?: string;
}

const replayed = new Set<string>();
function fixture(name: string): Fixture {
  replayed.add(name);
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Fixture;
}

let ims: ImsLoopback;
beforeEach(async () => {
  ims = await startImsLoopback();
});
afterEach(async () => {
  expect(ims.server.unmatched).toEqual([]);
  await ims.server.close();
});

function client(tenantId: string | undefined = TENANT_ID): ImsClient {
  return createImsClient({
    baseUrl: ims.server.url,
    credential: { accessKey: ACCESS_KEY, secretKey: SECRET_KEY, tenantId },
    now: () => ims.clock.now,
  });
}

/** A token of the loopback IMS, valid for `seconds` from its clock. */
function token(use: 'access' | 'refresh', seconds: number): string {
  const iat = Math.floor(ims.clock.now.getTime() / 1000);
  const jwt = signJwt({ sub: '1', tenant_id: TENANT_ID, token_use: use, iat, exp: iat + seconds });
  ims.issued.push(jwt);
  return jwt;
}

/** The fixture's answer, `$ACCESS_JWT` and `$REFRESH_TOKEN` replaced by fresh tokens. */
function answer(f: Fixture): FaultAction {
  if (f.text !== undefined) {
    return { status: f.status, headers: { ...f.headers }, body: f.text };
  }
  const text = JSON.stringify(f.body)
    .replaceAll('$ACCESS_JWT', token('access', 900))
    .replaceAll('$REFRESH_TOKEN', token('refresh', 86_400));
  return { status: f.status, headers: { ...f.headers }, body: JSON.parse(text) };
}

/** Serves the fixture at its route (behind the bearer check, except login). */
function serve(name: string): Fixture {
  const f = fixture(name);
  ims.server.on(f.route.method, f.route.path, (request) =>
    f.route.path === LOGIN ? answer(f) : (ims.authorize(request) ?? answer(f)),
  );
  return f;
}

async function failure(promise: Promise<unknown>): Promise<HelixError> {
  return promise.then(
    () => expect.fail('expected a failure'),
    (error: HelixError) => error,
  );
}

describe('login answers that vary', () => {
  it('login-token-only: gets the access JWT from auth/tokens', async () => {
    serve('login-token-only');
    const c = client();
    expect((await c.userinfo()).tenant_id).toBe(TENANT_ID);
    expect(ims.server.count('POST', REFRESH)).toBe(1);
    expect(ims.server.count('POST', LOGIN)).toBe(1);
  });

  it('login-jwt-only: uses the JWT until it expires, then logs in again', async () => {
    serve('login-jwt-only');
    const c = client();
    await c.userinfo();
    await c.userinfo();
    expect(ims.server.count('POST', LOGIN)).toBe(1);
    ims.clock.now = new Date(ims.clock.now.getTime() + 16 * 60_000);
    await c.userinfo();
    expect(ims.server.count('POST', LOGIN)).toBe(2);
    expect(ims.server.count('POST', REFRESH)).toBe(0);
  });

  it('login-no-tokens: a bad answer (exit 7), never an unknown outcome', async () => {
    serve('login-no-tokens');
    const error = await failure(client().login());
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.exitCode).toBe(ExitCode.SERVICE);
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toBe('unexpected answer from the service: json_web_token');
  });

  it('login-jwt-crlf: refused at the boundary, exit 7, the token never sent', async () => {
    serve('login-jwt-crlf');
    const error = await failure(client().userinfo());
    expect(error.exitCode).toBe(ExitCode.SERVICE);
    expect(error.message).toBe('unexpected answer from the service: json_web_token');
    expect(ims.server.count('GET', '/ims/api/v1/userinfo')).toBe(0);
  });

  it('login-404-html: a wrong URL path is not "tenant not found"', async () => {
    serve('login-404-html');
    const error = await failure(client().login());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe(`login failed: no IMS login endpoint at ${ims.server.url}/`);
    expect(error.message).not.toMatch(/tenant/i);
  });

  it('the service’s own 404 for a tenant still says the tenant was not found', async () => {
    const error = await failure(client('9999999999').login());
    expect(error.message).toBe('tenant 9999999999 not found');
  });
});

describe('records that vary', () => {
  it('key-numeric-ids: numeric ids become strings', async () => {
    serve('key-numeric-ids');
    const record = await client().getKey(KEY);
    expect(record.user_id).toBe('100000000000101');
    expect(record.owner_user_id).toBe('100000000000001');
  });

  it('key-unknown-fields: fields the client does not know are kept', async () => {
    const f = serve('key-unknown-fields');
    const record = await client().getKey(KEY);
    expect(record).toEqual(f.body);
  });

  it('key-timestamps: every timestamp form parses to its instant', async () => {
    serve('key-timestamps');
    const r = await client().getKey(KEY);
    const at = (text: string | undefined) => parseWireTimestamp(text ?? '')?.toISOString();
    expect(at(r.created_date)).toBe('2026-01-01T10:00:00.000Z');
    expect(at(r.last_access)).toBe('2026-01-02T10:00:00.123Z');
    expect(at(r.expiry_time)).toBe('2026-01-31T23:59:59.500Z');
    expect(at(r.rotation?.last_rotation_date)).toBe('2026-01-01T10:00:00.000Z');
    expect(at(r.rotation?.next_rotation_date)).toBe('2026-01-31T10:00:00.123Z');
  });

  it('list-wrong-type: names the field, never its value, exit 7', async () => {
    serve('list-wrong-type');
    const error = await failure(client().listKeysPage());
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.exitCode).toBe(ExitCode.SERVICE);
    expect(error.message).toBe('unexpected answer from the service: records[3].expiry_time');
    expect(error.message).not.toContain('12345');
  });

  it('list-total-1e12: stops on the short page after one request', async () => {
    serve('list-total-1e12');
    const seen: string[] = [];
    for await (const key of client().listKeys()) seen.push(key.access_key);
    expect(seen).toEqual([KEY]);
    expect(ims.server.count('GET', KEYS)).toBe(1);
  });
});

describe('error bodies that vary: one clear line', () => {
  it.each([
    ['error-html-502', `service error (HTTP 502) on GET ${KEYS}/${KEY}`, 'BAD_GATEWAY'],
    ['error-empty-404', `not found: GET ${KEYS}/${KEY}`, undefined],
    ['error-other-json-400', `the service refused GET ${KEYS}/${KEY} (HTTP 400)`, undefined],
  ])('%s', async (name, message, code) => {
    serve(name);
    const error = await failure(client().getKey(KEY));
    expect(error.message).toBe(message);
    expect(error.message).not.toMatch(/[\r\n<]/);
    if (code) expect(error.code).toBe(code);
  });
});

describe('the fixtures', () => {
  it('are all replayed here, each with a note of where its shape comes from', () => {
    const names = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    for (const name of names) {
      expect(replayed.has(name), `${name} is not replayed`).toBe(true);
      expect(fixture(name).source, name).toMatch(/docs\/|issue 1[12]|published client/);
    }
  });
});
