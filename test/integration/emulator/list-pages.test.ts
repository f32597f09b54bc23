import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import type { AccessKeyRecord } from '../../../src/wire/types.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

/**
 * Paging over a tenant larger than a page, with the page cache on and off: every page, size,
 * order and filter must give the same records and totals as one unpaged listing, and the
 * uncached emulator (the query path) the same bytes as the cached one.
 */

const TENANT = '3000000003';
const ADMIN = {
  accessKey: 'PAGEADMIN'.padEnd(30, '0'),
  secretKey: 'S'.repeat(50),
  tenantId: TENANT,
};
const KEYS = 237;

const seed = {
  tenants: [
    {
      tenant_id: TENANT,
      name: 'Paging',
      onboarding_key: false,
      users: [{ login_id: 'admin', groups: ['Administrators'] }],
      keys: [
        {
          name: 'admin',
          access_key: ADMIN.accessKey,
          secret: ADMIN.secretKey,
          owner: 'admin',
          groups: ['Administrators'],
        },
        ...Array.from({ length: KEYS - 1 }, (_, i) => ({
          name: `k-${String((i * 37) % 500).padStart(3, '0')}`,
          type: i % 5 === 0 ? 'API' : 'TENANT',
          status: i % 7 === 0 ? 'INACTIVE' : 'ACTIVE',
          created_date: `2025-0${1 + (i % 9)}-1${i % 10}T10:00:00`,
          ...(i % 2 ? { description: `key ${i}` } : {}),
        })),
      ],
    },
    { tenant_id: '3000000004', name: 'Other', keys: [{ name: 'elsewhere' }] },
  ],
};

let cached: TestEmulator;
let uncached: TestEmulator;
let token: string;

beforeAll(async () => {
  cached = await startTestEmulator({ seed });
  uncached = await startTestEmulator({ db: cached.dbPath, pageCache: false });
  token = await cached.login(ADMIN);
});
afterAll(async () => {
  await uncached?.close();
  await cached?.close();
});

const get = (emu: TestEmulator, query: string) =>
  emu.request('GET', `${imsPaths.keys}?${query}`, { token });

async function everyPage(emu: TestEmulator, query: string, size: number) {
  const records: AccessKeyRecord[] = [];
  for (let page = 0; ; page += 1) {
    const res = await get(emu, `${query}&size=${size}&page=${page}`);
    expect(res.status).toBe(200);
    const { _metadata: meta } = res.body;
    if (res.body.records.length === 0) {
      expect(page).toBe(meta.page_count);
      return { records, total: meta.total_count };
    }
    expect(meta.page_count).toBe(Math.ceil(meta.total_count / size));
    records.push(...res.body.records);
  }
}

describe('list pages', () => {
  for (const query of [
    'orderBy=created_date_time',
    'orderBy=name&sortOrder=desc',
    'orderBy=status',
    'userTypes=API',
    'status=INACTIVE',
    'orderBy=expiry_enum&userTypes=TENANT&status=ACTIVE',
  ]) {
    it(`agree with one unpaged listing: ${query}`, async () => {
      const whole = (await get(cached, `${query}&size=1000`)).body;
      expect(whole._metadata.total_count).toBe(whole.records.length);
      for (const size of [1, 10, 100]) {
        for (const emu of [cached, uncached]) {
          const paged = await everyPage(emu, query, size);
          expect(paged.total).toBe(whole.records.length);
          expect(paged.records).toEqual(whole.records);
        }
      }
    });
  }

  it('count every key of the tenant, and follow a deletion', async () => {
    const first = await get(uncached, 'size=10');
    expect(first.body._metadata.total_count).toBe(KEYS);
    const victim = first.body.records.find((r: AccessKeyRecord) => r.name !== 'admin');
    const gone = await cached.request('DELETE', imsPaths.key(victim.access_key), { token });
    expect(gone.status).toBe(204);
    for (const emu of [uncached, cached]) {
      expect((await get(emu, 'size=10')).body._metadata.total_count).toBe(KEYS - 1);
    }
  });

  it('serve the same bytes with and without the page cache', async () => {
    for (const query of [
      'size=100',
      'size=100&page=2',
      'size=7&page=5&orderBy=name',
      'size=1000',
    ]) {
      expect((await get(uncached, query)).text).toBe((await get(cached, query)).text);
    }
  });
});
