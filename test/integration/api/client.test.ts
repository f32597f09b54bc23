import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImsClient, type ImsClient } from '../../../src/api/client.js';
import type { HelixError } from '../../../src/core/errors.js';
import type { AccessKeyRecord } from '../../../src/wire/types.js';
import type { FaultAction } from '../../helpers/http-fault-server.js';
import {
  ACCESS_KEY,
  type ImsLoopback,
  page,
  SECRET_KEY,
  startImsLoopback,
  TENANT_ID,
  userInfo,
} from './ims-loopback.js';

const V1 = '/ims/api/v1';
const KEY = 'AK0OTHERKEY000000000000000000B';
let ims: ImsLoopback;
let c: ImsClient;

beforeEach(async () => {
  ims = await startImsLoopback();
  c = createImsClient({
    baseUrl: ims.server.url,
    credential: { accessKey: ACCESS_KEY, secretKey: SECRET_KEY, tenantId: TENANT_ID },
    now: () => ims.clock.now,
  });
});
afterEach(async () => {
  expect(ims.server.unmatched).toEqual([]);
  await ims.server.close();
});

function record(i: number): AccessKeyRecord {
  return {
    user_id: String(100000000000100 + i),
    name: `key-${i}`,
    type: 'TENANT',
    access_key: `AK${String(i).padStart(28, '0')}`,
    status: 'ACTIVE',
    non_deletable: false,
    created_date: '2026-01-01T00:00:00.000000',
    expiry_enum: '30 days',
    expiry_time: '2026-01-31T23:59:59',
    key_expired: false,
  };
}

const created = { ...record(1), access_secret_key: 'S'.repeat(50), tenant_id: TENANT_ID };

/** Routes `method path` behind the bearer check and returns what the request looked like. */
function route(method: string, path: string, answer: FaultAction) {
  ims.server.on(method, path, (request) => ims.authorize(request) ?? answer);
  return () => {
    const request = ims.server.requests
      .filter((r) => r.method === method && r.path === path)
      .at(-1);
    return (
      request && {
        query: request.query.toString(),
        body: request.body ? JSON.parse(request.body) : undefined,
      }
    );
  };
}

describe('endpoints', () => {
  it.each<[string, string, string, (c: ImsClient) => Promise<unknown>, unknown, FaultAction]>([
    [
      'getKey',
      'GET',
      `${V1}/access_keys/${KEY}`,
      (x) => x.getKey(KEY),
      undefined,
      { status: 200, body: record(1) },
    ],
    [
      'createKey',
      'POST',
      `${V1}/access_keys`,
      (x) => x.createKey({ name: 'ci', expiry_enum: '30 days', type: 'API' }),
      { name: 'ci', expiry_enum: '30 days', type: 'API' },
      { status: 201, body: created },
    ],
    [
      'createUserKey',
      'POST',
      `${V1}/users/100000000000001/access_keys`,
      (x) => x.createUserKey('100000000000001', { name: 'me', expiry_enum: '60 days' }),
      { name: 'me', expiry_enum: '60 days' },
      { status: 201, body: created },
    ],
    [
      'updateKey',
      'PATCH',
      `${V1}/access_keys/${KEY}`,
      (x) => x.updateKey(KEY, { status: 'INACTIVE', description: null }),
      { status: 'INACTIVE', description: null },
      { status: 200, body: record(1) },
    ],
    [
      'deleteKey',
      'DELETE',
      `${V1}/access_keys/${KEY}`,
      (x) => x.deleteKey(KEY),
      undefined,
      { status: 204 },
    ],
    [
      'regenerateSecret',
      'POST',
      `${V1}/access_keys/${KEY}/secret`,
      (x) => x.regenerateSecret(KEY),
      undefined,
      {
        status: 200,
        body: { access_key: KEY, access_secret_key: 'S'.repeat(50), tenant_id: TENANT_ID },
      },
    ],
    [
      'getStoredSecret',
      'GET',
      `${V1}/access_keys/${KEY}/secret`,
      (x) => x.getStoredSecret(KEY),
      undefined,
      { status: 200, body: { access_key: KEY, encrypted_secret_key: '$sha256$a$b' } },
    ],
    [
      'rotateApiKey',
      'POST',
      `${V1}/access_keys/${KEY}/rotate`,
      (x) => x.rotateApiKey(KEY),
      undefined,
      { status: 200, body: created },
    ],
    [
      'updateRotation',
      'PATCH',
      `${V1}/access_keys/${KEY}/rotation`,
      (x) => x.updateRotation(KEY, { grace_period: 7 }),
      { grace_period: 7 },
      { status: 200, body: record(1) },
    ],
    [
      'putKeyGroups',
      'PUT',
      `${V1}/access_keys/${KEY}/groups`,
      (x) => x.putKeyGroups(KEY, ['555568022225499']),
      { group_ids: ['555568022225499'] },
      { status: 200, body: { group_ids: ['555568022225499'] } },
    ],
    [
      'putKeyRoles',
      'PUT',
      `${V1}/access_keys/${KEY}/roles`,
      (x) => x.putKeyRoles(KEY, []),
      { role_ids: [] },
      { status: 200, body: { role_ids: [] } },
    ],
    [
      'getKeyPermissions',
      'GET',
      `${V1}/access_keys/${KEY}/permissions`,
      (x) => x.getKeyPermissions(KEY),
      undefined,
      { status: 200, body: { permissions: ['*'] } },
    ],
    [
      'userinfo',
      'GET',
      `${V1}/userinfo`,
      (x) => x.userinfo(),
      undefined,
      { status: 200, body: userInfo() },
    ],
    [
      'createUser',
      'POST',
      `${V1}/users`,
      (x) => x.createUser({ login_id: 'jdoe' }),
      { login_id: 'jdoe' },
      { status: 201, body: { user_id: '1', login_id: 'jdoe' } },
    ],
  ])('%s sends %s %s', async (_name, method, path, invoke, body, answer) => {
    const sent = route(method, path, answer);
    const result = await invoke(c);
    expect(sent()?.body).toEqual(body);
    if ('body' in answer) expect(result).toEqual(answer.body);
    else expect(result).toBeUndefined();
    expect(
      ims.server.requests.filter((r) => r.path === path).every((r) => r.headers.authorization),
    ).toBe(true);
  });

  it('collects all pages of a key’s groups and roles', async () => {
    const groups = Array.from({ length: 3 }, (_, i) => ({ group_id: String(i), name: `g${i}` }));
    ims.list(`${V1}/access_keys/${KEY}/groups`, groups);
    ims.list(`${V1}/access_keys/${KEY}/roles`, [{ role_id: '9', name: 'Viewer' }]);
    expect(await c.getKeyGroups(KEY)).toEqual(groups);
    expect(await c.getKeyRoles(KEY)).toEqual([{ role_id: '9', name: 'Viewer' }]);
  });
});

describe('lists', () => {
  it('follows 0-based pages across the whole list, sending the query with camelCase names', async () => {
    const all = Array.from({ length: 5 }, (_, i) => record(i));
    ims.list(`${V1}/access_keys`, all);
    const seen: string[] = [];
    for await (const key of c.listKeys({
      size: 2,
      orderBy: 'name',
      sortOrder: 'desc',
      userTypes: 'API',
    })) {
      seen.push(key.name);
    }
    expect(seen).toEqual(all.map((k) => k.name));
    const queries = ims.server.requests
      .filter((r) => r.path === `${V1}/access_keys`)
      .map((r) => r.query.toString());
    expect(queries).toEqual(
      [0, 1, 2].map((p) => `page=${p}&size=2&orderBy=name&sortOrder=desc&userTypes=API`),
    );
  });

  it('returns one page with its envelope', async () => {
    ims.list(
      `${V1}/access_keys`,
      Array.from({ length: 5 }, (_, i) => record(i)),
    );
    const envelope = await c.listKeysPage({ page: 1, size: 2 });
    expect(envelope.records.map((k) => k.name)).toEqual(['key-2', 'key-3']);
    expect(envelope._metadata).toEqual({
      page: 1,
      records_per_page: 2,
      page_count: 3,
      total_count: 5,
    });
  });

  it('lists one user’s keys, users, groups, roles and notifications', async () => {
    ims.list(`${V1}/users/100000000000001/access_keys`, [record(7)]);
    ims.list(`${V1}/users`, [{ user_id: '1' }]);
    ims.list(`${V1}/groups`, [{ group_id: '2' }]);
    ims.list(`${V1}/roles`, [{ role_id: '3' }]);
    ims.list('/__emulator/notifications', [{ notification_id: '4' }]);
    const drain = async <T>(source: AsyncIterable<T>) => {
      const out: T[] = [];
      for await (const item of source) out.push(item);
      return out;
    };
    expect((await drain(c.listUserKeys('100000000000001')))[0]?.name).toBe('key-7');
    expect(await c.listUserKeysPage('100000000000001')).toMatchObject({
      _metadata: { total_count: 1 },
    });
    expect(await drain(c.listUsers())).toEqual([{ user_id: '1' }]);
    expect(await drain(c.listGroups())).toEqual([{ group_id: '2' }]);
    expect(await drain(c.listRoles())).toEqual([{ role_id: '3' }]);
    expect(await drain(c.listNotifications())).toEqual([{ notification_id: '4' }]);
  });

  it('rejects an answer that is not a list envelope', async () => {
    route('GET', `${V1}/access_keys`, { status: 200, body: [record(1)] });
    const error = (await c.listKeysPage().catch((e: unknown) => e)) as HelixError;
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('stops at page_count without asking for an empty page', async () => {
    ims.server.on('GET', `${V1}/access_keys`, (request) => ({
      status: 200,
      body: page(
        Array.from({ length: 4 }, (_, i) => record(i)),
        request,
      ),
    }));
    const names: string[] = [];
    for await (const key of c.listKeys({ size: 2 })) names.push(key.name);
    expect(names).toEqual(['key-0', 'key-1', 'key-2', 'key-3']);
    expect(ims.server.count('GET', `${V1}/access_keys`)).toBe(2);
  });
});

describe('one-time answers', () => {
  it('reports OUTCOME_UNKNOWN, with a hint to check, when a created key comes back without its secret', async () => {
    route('POST', `${V1}/access_keys`, { status: 201, body: record(1) });
    const error = (await c
      .createKey({ name: 'ci', expiry_enum: '30 days' })
      .catch((e: unknown) => e)) as HelixError;
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.message).toBe(
      'the service may have completed creating key "ci"; the outcome is unknown (no access_secret_key in the response)',
    );
    expect(error.hint).toBe('check with `helixctl keys list --name "ci"` before creating it again');
  });

  it('lets the caller word the hint', async () => {
    route('POST', `${V1}/access_keys/${KEY}/secret`, { status: 502 });
    const error = (await c
      .regenerateSecret(KEY, { checkHint: 'custom hint' })
      .catch((e: unknown) => e)) as HelixError;
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.message).toContain(`generating a new secret for key ${KEY}`);
    expect(error.hint).toBe('custom hint');
  });
});
