import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type Sandbox, sandbox } from '../../helpers/cli.js';
import {
  ACCESS_KEY,
  type ImsLoopback,
  page,
  SECRET_KEY,
  signJwt,
  startImsLoopback,
  TENANT_ID,
} from '../api/ims-loopback.js';

// Issue 11 ("Files and answers that hang or crash") through the whole CLI: a service answer of
// the wrong shape is one line and exit 7, never a crash (exit 1) or a list that never ends.

const KEYS = '/ims/api/v1/access_keys';
const LOGIN = '/ims/api/v1/access_keys/login';

let ims: ImsLoopback;
let box: Sandbox;
beforeEach(async () => {
  ims = await startImsLoopback();
  box = sandbox({
    HELIX_URL: ims.server.url,
    HELIX_ACCESS_KEY: ACCESS_KEY,
    HELIX_SECRET_KEY: SECRET_KEY,
    HELIX_TENANT_ID: TENANT_ID,
  });
});
afterEach(async () => {
  await ims.server.close();
  box.cleanup();
});

const cli = (...argv: string[]) => runCli(argv, { env: box.env, now: () => ims.clock.now });

function record(i: number, change: Record<string, unknown> = {}) {
  return {
    user_id: String(100000000000100 + i),
    name: `key-${i}`,
    type: 'TENANT',
    access_key: `AK${String(i).padStart(28, '0')}`,
    status: 'ACTIVE',
    non_deletable: false,
    created_date: '2026-01-01T00:00:00.000000',
    expiry_enum: '30 days',
    expiry_time: '2026-12-31T23:59:59',
    key_expired: false,
    ...change,
  };
}

function expectOneLine(stderr: string, line: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines[0]).toBe(`error: ${line}`);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+|is not a function/);
}

describe('answers of the wrong shape', () => {
  it('a field of the wrong type: exit 7 naming the field, not a crash', async () => {
    for (const [change, field] of [
      [{ name: 42 }, 'records[1].name'],
      [{ description: { text: 'x' } }, 'records[1].description'],
      [{ status: ['ACTIVE'] }, 'records[1].status'],
      [{ rotation: 'monthly' }, 'records[1].rotation'],
    ] as const) {
      ims.list(KEYS, [record(0), record(1, change)]);
      const result = await cli('keys', 'list');
      expect(result.exitCode, field).toBe(7);
      expectOneLine(result.stderr, `unexpected answer from the service: ${field}`);
    }
  });

  it('a JWT with CRLF in the login answer: exit 7, not exit 1', async () => {
    ims.server.on('POST', LOGIN, () => {
      const iat = Math.floor(ims.clock.now.getTime() / 1000);
      const jwt = signJwt({ token_use: 'access', iat, exp: iat + 900 });
      return { status: 200, body: { json_web_token: `${jwt}\r\nX-Evil: 1`, token: 'r' } };
    });
    ims.list(KEYS, [record(0)]);
    const result = await cli('keys', 'list');
    expect(result.exitCode).toBe(7);
    expectOneLine(result.stderr, 'unexpected answer from the service: json_web_token');
    expect(ims.server.count('GET', KEYS)).toBe(0);
  });

  it('a list that claims 1e12 records ends on its short page', async () => {
    ims.server.on('GET', KEYS, (request) => {
      const body = page([record(0)], request);
      return (
        ims.authorize(request) ?? {
          status: 200,
          body: { ...body, _metadata: { ...body._metadata, page_count: 1e9, total_count: 1e12 } },
        }
      );
    });
    const result = await cli('keys', 'list', '--json');
    expect(result.exitCode).toBe(0);
    expect(ims.server.count('GET', KEYS)).toBe(1);
  });

  it('keeps unknown fields and turns numeric ids into strings in --json', async () => {
    ims.list(KEYS, [record(0, { user_id: 100000000000100, created_by: 'admin', tags: ['a'] })]);
    const result = await cli('keys', 'list', '--json');
    expect(result.exitCode).toBe(0);
    const out = JSON.parse(result.stdout);
    const first = Array.isArray(out) ? out[0] : (out.records ?? out.keys)[0];
    expect(first).toMatchObject({ user_id: '100000000000100', created_by: 'admin', tags: ['a'] });
  });
});
