import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImsClient, type ImsClient } from '../../../src/api/client.js';
import type { CachedTokens, LoginCredential, TokenStore } from '../../../src/api/session-types.js';
import { AuthError, type HelixError } from '../../../src/core/errors.js';
import { imsError } from '../../helpers/http-fault-server.js';
import {
  ACCESS_KEY,
  type ImsLoopback,
  SECRET_KEY,
  startImsLoopback,
  TENANT_ID,
} from './ims-loopback.js';

const LOGIN = '/ims/api/v1/access_keys/login';
const REFRESH = '/ims/api/v1/auth/tokens';
const USERINFO = '/ims/api/v1/userinfo';
const GOOD: LoginCredential = { accessKey: ACCESS_KEY, secretKey: SECRET_KEY, tenantId: TENANT_ID };

let ims: ImsLoopback;
let dir: string;

beforeEach(async () => {
  ims = await startImsLoopback();
  dir = await mkdtemp(join(tmpdir(), 'helixctl-session-'));
});
afterEach(async () => {
  expect(ims.server.unmatched).toEqual([]);
  await ims.server.close();
  await rm(dir, { recursive: true, force: true });
});

function client(credential: LoginCredential = GOOD, tokenStore?: TokenStore): ImsClient {
  return createImsClient({
    baseUrl: ims.server.url,
    credential,
    tokenStore,
    now: () => ims.clock.now,
  });
}

function advance(seconds: number): void {
  ims.clock.now = new Date(ims.clock.now.getTime() + seconds * 1000);
}

/** A real token cache: a JSON file, like the one src/config keeps. */
function fileStore(path: string): TokenStore {
  return {
    load: async () => JSON.parse(await readFile(path, 'utf8').catch(() => 'null')) ?? undefined,
    save: async (tokens) => writeFile(path, JSON.stringify(tokens), { mode: 0o600 }),
    clear: async () => rm(path, { force: true }),
  };
}

async function failure(promise: Promise<unknown>): Promise<HelixError> {
  return promise.then(
    () => expect.fail('expected a failure'),
    (error: HelixError) => error,
  );
}

describe('login and token reuse', () => {
  it('logs in once (sending tenant_id when known) and reuses the JWT', async () => {
    const ims1 = client();
    await ims1.userinfo();
    await ims1.userinfo();
    expect(ims.server.count('POST', LOGIN)).toBe(1);
    expect(JSON.parse(ims.server.requests[0]?.body ?? '')).toEqual({
      access_key: ACCESS_KEY,
      access_secret_key: SECRET_KEY,
      tenant_id: TENANT_ID,
    });
    expect(ims.server.count('GET', USERINFO)).toBe(2);
  });

  it('leaves tenant_id out when it is not known', async () => {
    await client({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY }).userinfo();
    expect(JSON.parse(ims.server.requests[0]?.body ?? '')).not.toHaveProperty('tenant_id');
  });

  it('login() returns what the service said, without tokens; tokens() hands them over', async () => {
    const c = client();
    const info = await c.login();
    expect(info).toEqual({ tenant_id: TENANT_ID });
    const tokens = c.tokens();
    expect(tokens?.accessKey).toBe(ACCESS_KEY);
    expect(ims.issued).toContain(tokens?.jwt);
    expect(ims.issued).toContain(tokens?.refreshToken);
  });
});

describe('refresh', () => {
  it('refreshes within 60 s of the JWT expiry, not before', async () => {
    const c = client();
    await c.userinfo();
    advance(900 - 90);
    await c.userinfo();
    expect(ims.server.count('POST', REFRESH)).toBe(0);
    advance(40); // 50 s left
    await c.userinfo();
    expect(ims.server.count('POST', REFRESH)).toBe(1);
    expect(ims.server.count('POST', LOGIN)).toBe(1);
    const refreshed = ims.server.requests.find((r) => r.path === REFRESH);
    expect(ims.issued).toContain(JSON.parse(refreshed?.body ?? '').token);
  });

  it('logs in again, without a refresh call, once the refresh token has expired', async () => {
    const c = client();
    await c.userinfo();
    advance(25 * 3600);
    await c.userinfo();
    expect(ims.server.count('POST', REFRESH)).toBe(0);
    expect(ims.server.count('POST', LOGIN)).toBe(2);
  });

  it('logs in again when the service refuses the refresh token', async () => {
    const c = client();
    await c.userinfo();
    ims.revokeAll();
    advance(880);
    await c.userinfo();
    expect(ims.server.count('POST', REFRESH)).toBe(1);
    expect(ims.server.count('POST', LOGIN)).toBe(2);
  });

  it('shares one refresh among concurrent calls', async () => {
    const c = client();
    await c.userinfo();
    advance(870);
    await Promise.all(Array.from({ length: 8 }, () => c.userinfo()));
    expect(ims.server.count('POST', REFRESH)).toBe(1);
  });
});

describe('one retry after a 401', () => {
  it('renews the token and retries a GET once', async () => {
    const c = client();
    await c.userinfo();
    ims.revokeAll(); // as if the service restarted: JWT and refresh token now refused
    expect((await c.userinfo()).principal_id).toBe(ACCESS_KEY);
    expect(ims.server.count('GET', USERINFO)).toBe(3);
    expect(ims.server.count('POST', LOGIN)).toBe(2);
  });

  it('retries a POST once too: a 401 means nothing was done', async () => {
    ims.server.on('POST', '/ims/api/v1/access_keys', (request) => {
      return (
        ims.authorize(request) ?? {
          status: 201,
          body: {
            user_id: '100000000000102',
            name: 'ci',
            type: 'TENANT',
            access_key: 'K'.repeat(30),
            status: 'ACTIVE',
            access_secret_key: 'S'.repeat(50),
            tenant_id: TENANT_ID,
          },
        }
      );
    });
    const c = client();
    await c.userinfo();
    ims.revokeAll();
    const created = await c.createKey({ name: 'ci', expiry_enum: '30 days' });
    expect(created.access_key).toBe('K'.repeat(30));
    expect(ims.server.count('POST', '/ims/api/v1/access_keys')).toBe(2);
  });

  it('gives up with AuthError after a second 401, having tried exactly twice', async () => {
    ims.server.on('GET', USERINFO, { status: 401, body: imsError(401, 'Access key is inactive') });
    const error = await failure(client().userinfo());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(
      'not authenticated: the service refused a fresh token (Access key is inactive)',
    );
    expect(ims.server.count('GET', USERINFO)).toBe(2);
  });
});

describe('concurrency', () => {
  it('shares one login among parallel first calls', async () => {
    const c = client();
    const results = await Promise.all(Array.from({ length: 10 }, () => c.userinfo()));
    expect(results).toHaveLength(10);
    expect(ims.server.count('POST', LOGIN)).toBe(1);
  });

  it('shares one renewal among parallel calls that all got a 401', async () => {
    const c = client();
    await c.userinfo();
    ims.revokeAll();
    await Promise.all(Array.from({ length: 6 }, () => c.userinfo()));
    expect(ims.server.count('POST', LOGIN)).toBe(2);
    expect(ims.server.count('POST', REFRESH)).toBe(1);
  });
});

describe('login failures', () => {
  it('says the key or secret is wrong (exit 3)', async () => {
    const error = await failure(client({ ...GOOD, secretKey: 'W'.repeat(50) }).userinfo());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe('login failed: invalid access key or secret key');
    expect(error.hint).toContain('helixctl login');
  });

  it('says an expired or inactive key is expired or inactive', async () => {
    ims.server.on('POST', LOGIN, { status: 401, body: imsError(401, 'Access key is expired') });
    expect((await failure(client().userinfo())).message).toBe(
      'login failed: access key is expired',
    );
  });

  it('names a tenant that does not exist', async () => {
    const error = await failure(client({ ...GOOD, tenantId: '9999999999' }).login());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('tenant 9999999999 not found');
    expect(error.hint).toContain('--tenant');
  });

  it('reports throttling as RATE_LIMITED after a single login request', async () => {
    ims.server.on('POST', LOGIN, {
      status: 429,
      headers: { 'retry-after': '42' },
      body: imsError(429, 'Too many failed logins'),
    });
    const error = await failure(client().login());
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toContain('retry in 42 s');
    expect(ims.server.count('POST', LOGIN)).toBe(1);
  });
});

describe('token cache', () => {
  it('saves tokens and lets the next run skip the login', async () => {
    const store = fileStore(join(dir, 'tokens.json'));
    await client(GOOD, store).userinfo();
    const saved = (await store.load()) as CachedTokens;
    expect(saved.accessKey).toBe(ACCESS_KEY);
    await client(GOOD, store).userinfo();
    expect(ims.server.count('POST', LOGIN)).toBe(1);
  });

  it('ignores tokens cached for another access key', async () => {
    const store = fileStore(join(dir, 'tokens.json'));
    await client(GOOD, store).userinfo();
    const other = { ...((await store.load()) as CachedTokens), accessKey: 'OTHER0KEY' };
    await store.save(other);
    await client(GOOD, store).userinfo();
    expect(ims.server.count('POST', LOGIN)).toBe(2);
  });

  it('works past a cache file that cannot be read, and rewrites it', async () => {
    const path = join(dir, 'tokens.json');
    await writeFile(path, '{ not json');
    await client(GOOD, fileStore(path)).userinfo();
    expect(JSON.parse(await readFile(path, 'utf8')).accessKey).toBe(ACCESS_KEY);
  });

  it('clears the cache when the login is refused', async () => {
    const store = fileStore(join(dir, 'tokens.json'));
    // A cached JWT without exp is tried, refused (401), its refresh refused, then login fails.
    await store.save({ accessKey: ACCESS_KEY, jwt: 'not.a.jwt', refreshToken: 'stale' });
    ims.server.on('POST', LOGIN, {
      status: 401,
      body: imsError(401, 'Invalid access key or secret key'),
    });
    const error = await failure(client(GOOD, store).userinfo());
    expect(error.message).toBe('login failed: invalid access key or secret key');
    expect(ims.server.count('GET', USERINFO)).toBe(1);
    expect(ims.server.count('POST', REFRESH)).toBe(1);
    expect(await store.load()).toBeUndefined();
  });
});

describe('verifyCredential', () => {
  it('logs in with the other credential without touching the session or its cache', async () => {
    const store = fileStore(join(dir, 'tokens.json'));
    const c = client(GOOD, store);
    await c.userinfo();
    const before = await store.load();
    const info = await c.verifyCredential({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY });
    expect(info.principal_id).toBe(ACCESS_KEY);
    expect(ims.server.count('POST', LOGIN)).toBe(2);
    expect(await store.load()).toEqual(before);
    expect(c.tokens()?.jwt).toBe(before?.jwt);
  });

  it('fails with AuthError for a wrong secret', async () => {
    const error = await failure(
      client().verifyCredential({ accessKey: ACCESS_KEY, secretKey: 'W'.repeat(50) }),
    );
    expect(error).toBeInstanceOf(AuthError);
  });
});
