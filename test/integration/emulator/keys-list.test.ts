import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import type { AccessKeyRecord } from '../../../src/wire/types.js';
import { basic } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

const NOW = Date.parse('2026-01-15T10:00:00Z');
let emu: TestEmulator;
let admin: string;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json', testClock: true, now: NOW });
  admin = await emu.login(basic.acmeAdmin);
});
afterAll(async () => emu?.close());

const list = (query: string, token = admin) =>
  emu.request('GET', `${imsPaths.keys}${query}`, { token });
const names = (records: AccessKeyRecord[]) => records.map((r) => r.name);

describe('GET /access_keys', () => {
  it('lists every key of the tenant (user-level keys included) in the envelope', async () => {
    const res = await list('');
    expect(res.status).toBe(200);
    expect(res.body._metadata).toEqual({
      page: 0,
      records_per_page: 1000,
      page_count: 1,
      total_count: basic.acmeKeyCount,
    });
    expect(names(res.body.records)).toContain('bob-laptop');
    expect(names(res.body.records)).not.toContain('globex-admin');
    const record = res.body.records.find((r: AccessKeyRecord) => r.name === 'ingest');
    expect(record).toEqual({
      user_id: basic.keyIds.ingest,
      name: 'ingest',
      type: 'API',
      access_key: basic.ingest.accessKey,
      status: 'ACTIVE',
      non_deletable: false,
      created_date: '2026-01-15T10:00:00.000000',
      expiry_enum: 'Never expires (not recommended)',
      key_expired: false,
      rotation: {
        never_rotate: false,
        rotation_period: 30,
        grace_period: 15,
        next_rotation_date: '2026-02-14T10:00:00.000000',
      },
    });
  });

  it('computes key_expired at read time and leaves status alone', async () => {
    const res = await list('?name=old-expired');
    expect(res.body.records).toEqual([
      expect.objectContaining({
        status: 'ACTIVE',
        key_expired: true,
        expiry_time: '2020-11-22T23:59:59',
      }),
    ]);
  });

  it('pages from 0: empty pages, last page, past the end, size=1', async () => {
    const empty = await list('?name=nothing-has-this-name');
    expect(empty.body).toEqual({
      records: [],
      _metadata: { page: 0, records_per_page: 1000, page_count: 0, total_count: 0 },
    });
    const all = names((await list('?orderBy=name')).body.records);
    const first = await list('?orderBy=name&size=1&page=0');
    const second = await list('?orderBy=name&size=1&page=1');
    expect(first.body._metadata).toEqual({
      page: 0,
      records_per_page: 1,
      page_count: all.length,
      total_count: all.length,
    });
    expect(names(first.body.records)).toEqual([all[0]]);
    expect(names(second.body.records)).toEqual([all[1]]);
    const last = await list('?orderBy=name&size=3&page=2');
    expect(names(last.body.records)).toEqual(all.slice(6, 9));
    expect(last.body._metadata.page_count).toBe(Math.ceil(all.length / 3));
    const past = await list('?orderBy=name&size=3&page=9');
    expect(past.status).toBe(200);
    expect(past.body.records).toEqual([]);
    expect(past.body._metadata).toEqual({
      page: 9,
      records_per_page: 3,
      page_count: 3,
      total_count: all.length,
    });
  });

  it('sorts by every allowed column, both ways, stably', async () => {
    const columns = [
      'user_id',
      'name',
      'description',
      'access_key',
      'status',
      'expiry_enum',
      'created_date_time',
      'expiry_time',
      'type',
      'last_access',
    ];
    for (const column of columns) {
      const asc = (await list(`?orderBy=${column}&sortOrder=asc`)).body
        .records as AccessKeyRecord[];
      const desc = (await list(`?orderBy=${column}&sortOrder=DESC`)).body
        .records as AccessKeyRecord[];
      expect(asc).toHaveLength(basic.acmeKeyCount);
      expect(desc.map((r) => r.user_id)).toEqual(asc.map((r) => r.user_id).reverse());
      const again = (await list(`?orderBy=${column}`)).body.records as AccessKeyRecord[];
      expect(again.map((r) => r.user_id)).toEqual(asc.map((r) => r.user_id));
    }
    const byName = names((await list('?orderBy=name')).body.records);
    expect(byName).toEqual([...byName].sort());
    const byExpiry = (await list('?orderBy=expiry_time')).body.records as AccessKeyRecord[];
    expect(byExpiry.slice(0, 2).map((r) => r.name)).toEqual(['old-expired', 'bob-laptop']);
  });

  it('filters by type with userTypes or userType, any case, comma-separated', async () => {
    const api = ['ingest', basic.onboardingName].sort();
    for (const query of [
      '?userTypes=API',
      '?userType=api',
      '?usertypes=Api',
      '?userTypes=API,api',
    ]) {
      expect(names((await list(`${query}&orderBy=name`)).body.records)).toEqual(api);
    }
    const both = (await list('?userTypes=API,TENANT')).body._metadata.total_count;
    expect(both).toBe(basic.acmeKeyCount - 1);
    expect(names((await list('?userType=user')).body.records)).toEqual(['bob-laptop']);
    expect(names((await list('?userTypes=API&userType=USER&orderBy=name')).body.records)).toEqual(
      ['bob-laptop', ...api].sort(),
    );
  });

  it('filters by status, expiry and exact name (extensions)', async () => {
    expect(names((await list('?status=inactive')).body.records)).toEqual(['switched-off']);
    expect(names((await list('?expired=true')).body.records)).toEqual(['old-expired']);
    expect((await list('?expired=false')).body._metadata.total_count).toBe(basic.acmeKeyCount - 1);
    expect((await list('?expiringWithinDays=7')).body.records).toEqual([]);
    expect(names((await list('?expiringWithinDays=2000')).body.records)).toEqual(['bob-laptop']);
    expect(names((await list('?name=acme-admin')).body.records)).toEqual(['acme-admin']);
    expect((await list('?name=acme')).body.records).toEqual([]);
  });

  it('refuses bad parameters with 400', async () => {
    const bad = [
      '?page=-1',
      '?page=1.5',
      '?page=x',
      '?size=0',
      '?size=1001',
      '?size=ten',
      '?orderBy=secret',
      '?orderBy=created_date',
      '?sortOrder=up',
      '?userTypes=ADMIN',
      '?status=on',
      '?expired=yes',
      '?expiringWithinDays=-1',
    ];
    for (const query of bad) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.body.message).toBe('BAD_REQUEST');
    }
  });

  it('needs a read permission: auditors list, others are refused', async () => {
    expect((await list('', await emu.login(basic.acmeAuditor))).status).toBe(200);
    for (const who of [basic.acmePlain, basic.bobLaptop]) {
      const res = await list('', await emu.login(who));
      expect([res.status, res.body.error]).toEqual([403, 'Insufficient permissions']);
    }
  });
});

describe('served pages stay current', () => {
  it('reflects a change made after the page was first served', async () => {
    const query = '?orderBy=name&size=100';
    const before = (await list(query)).body;
    const patched = await emu.request('PATCH', imsPaths.key(basic.acmePlain.accessKey), {
      token: admin,
      body: { description: 'seen at once' },
    });
    expect(patched.status).toBe(200);
    const after = (await list(query)).body;
    const plain = (body: { records: AccessKeyRecord[] }) =>
      body.records.find((r) => r.name === 'acme-plain');
    expect(plain(before)?.description).toBeUndefined();
    expect(plain(after)?.description).toBe('seen at once');
  });

  it('turns key_expired on when the clock passes the expiry, without any write', async () => {
    // Same token throughout (no login, which writes last_access): only the clock moves.
    const made = await emu.request('POST', imsPaths.keys, {
      token: admin,
      body: {
        name: 'short-lived',
        expiry_enum: 'Custom value',
        expiry_time: '2026-01-15T10:05:00',
      },
    });
    expect(made.status).toBe(201);
    const query = '?name=short-lived';
    expect((await list(query)).body.records[0].key_expired).toBe(false);
    expect((await list(query)).body.records[0].key_expired).toBe(false);
    await emu.advance(5 * 60);
    expect((await list(query)).body.records[0].key_expired).toBe(false);
    await emu.advance(1);
    expect((await list(query)).body.records[0].key_expired).toBe(true);
  });
});
