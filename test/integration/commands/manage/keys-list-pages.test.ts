import { describe, expect, it } from 'vitest';
import { formatCredential } from '../../../../src/core/credential.js';
import type { AccessKeyRecord } from '../../../../src/wire/types.js';
import { runCli, sandbox } from '../../../helpers/cli.js';
import { ACCESS_KEY, SECRET_KEY, startImsLoopback, TENANT_ID } from '../../api/ims-loopback.js';
import { BULK_ADMIN, bulkSeed } from './bulk-seed.js';
import { json, useHarness } from './harness.js';

const COUNT = 2500; // plus the administrator key: 2,501 keys, three pages of 1,000
const LIST = 'GET /ims/api/v1/access_keys 200';
const pagesRead = (lines: string[]) => lines.filter((l) => l.startsWith(LIST)).length;

const h = useHarness('file', bulkSeed(COUNT));

const as = { as: BULK_ADMIN };

describe('keys list over many pages', () => {
  it('json: every key of every page, each once', async () => {
    const mark = h.mark();
    const r = await h.cli(['keys', 'list', '--json'], as);
    expect(r.exitCode).toBe(0);
    const records = json(r) as AccessKeyRecord[];
    expect(records).toHaveLength(COUNT + 1);
    expect(new Set(records.map((k) => k.access_key)).size).toBe(COUNT + 1);
    expect(pagesRead(mark())).toBe(3);
  });

  it('ndjson and tsv stream every key too', async () => {
    const nd = await h.cli(['keys', 'list', '-o', 'ndjson'], as);
    expect(nd.stdout.trimEnd().split('\n')).toHaveLength(COUNT + 1);
    const tsv = await h.cli(['keys', 'list'], as);
    expect(tsv.stdout.trimEnd().split('\n')).toHaveLength(COUNT + 2); // with the header
  });

  it('--limit stops fetching pages once reached', async () => {
    let mark = h.mark();
    const five = await h.cli(['keys', 'list', '--json', '--limit', '5'], as);
    expect(json(five)).toHaveLength(5);
    expect(pagesRead(mark())).toBe(1);
    mark = h.mark();
    const more = await h.cli(['keys', 'list', '-o', 'ndjson', '--limit', '1200'], as);
    expect(more.stdout.trimEnd().split('\n')).toHaveLength(1200);
    expect(pagesRead(mark())).toBe(2);
  });

  it('--limit after a filter counts matches, not records read', async () => {
    const mark = h.mark();
    // In name order every page of 1,000 holds 100 expired keys: 120 need two pages.
    const args = ['--expired', '--sort', 'name', '--limit', '120'];
    const r = await h.cli(['keys', 'list', '--json', ...args], as);
    const records = json(r) as AccessKeyRecord[];
    expect(records).toHaveLength(120);
    expect(records.every((k) => k.key_expired)).toBe(true);
    expect(records.at(-1)?.name).toBe('bulk-01191');
    expect(pagesRead(mark())).toBe(2);
  });

  it('a sort done on our side reads every page before the first line', async () => {
    const mark = h.mark();
    const r = await h.cli(['keys', 'list', '--json', '--sort', 'expires', '--limit', '3'], as);
    expect(json(r).map((k: AccessKeyRecord) => k.name)).toEqual([
      'bulk-00001',
      'bulk-00011',
      'bulk-00021',
    ]);
    expect(pagesRead(mark())).toBe(3);
  });

  it('a table collects every page and prints one row per key', async () => {
    const r = await h.cli(['keys', 'list', '-o', 'table'], as);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(COUNT + 2);
  });
});

describe('keys list against a scripted service', () => {
  const records = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      user_id: String(100000000000000 + i),
      name: `k${i}`,
      type: 'TENANT',
      access_key: `AK${String(i).padStart(28, '0')}`,
      status: 'ACTIVE',
      non_deletable: false,
      created_date: '2026-01-01T00:00:00.000000',
      expiry_enum: 'Never expires (not recommended)',
      key_expired: false,
    }));

  async function withLoopback(
    run: (
      cli: (argv: string[]) => ReturnType<typeof runCli>,
      ims: Awaited<ReturnType<typeof startImsLoopback>>,
    ) => Promise<void>,
  ) {
    const ims = await startImsLoopback();
    const home = sandbox();
    const credential = formatCredential({
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
      tenantId: TENANT_ID,
    });
    const env = { ...home.env, HELIX_URL: ims.server.url, HELIX_CREDENTIAL: credential };
    try {
      await run((argv) => runCli(argv, { env, now: () => ims.clock.now }), ims);
    } finally {
      await ims.server.close();
      home.cleanup();
    }
  }

  it('sends orderBy/sortOrder for sorts the service does, nothing for local ones', async () => {
    await withLoopback(async (cli, ims) => {
      ims.list('/ims/api/v1/access_keys', records(3));
      await cli(['keys', 'list', '--json', '--sort', 'name', '--desc']);
      await cli(['keys', 'list', '--json', '--sort', 'created']);
      await cli(['keys', 'list', '--json', '--sort', 'expires', '--type', 'api']);
      const queries = ims.server.requests
        .filter((r) => r.path === '/ims/api/v1/access_keys')
        .map((r) => Object.fromEntries(r.query));
      expect(queries).toEqual([
        { page: '0', orderBy: 'name', sortOrder: 'desc' },
        { page: '0', orderBy: 'created_date_time', sortOrder: 'asc' },
        { page: '0', userTypes: 'API' },
      ]);
    });
  });

  it('a page that fails after others printed: exit 7, and the JSON array is left open', async () => {
    await withLoopback(async (cli, ims) => {
      const all = records(1500);
      ims.server.on('GET', '/ims/api/v1/access_keys', (request, n) => {
        const denied = ims.authorize(request);
        if (denied) return denied;
        if (n === 1) {
          return {
            status: 200,
            body: {
              records: all.slice(0, 1000),
              _metadata: { page: 0, records_per_page: 1000, page_count: 2, total_count: 1500 },
            },
          };
        }
        return {
          status: 500,
          body: {
            timestamp: '2026-03-01T10:00:00Z',
            code: 500,
            message: 'INTERNAL_SERVER_ERROR',
            error: 'boom',
          },
        };
      });
      const r = await cli(['keys', 'list', '--json']);
      expect(r.exitCode).toBe(7);
      expect(r.stdout.startsWith('[{')).toBe(true);
      expect(() => JSON.parse(r.stdout)).toThrow();
      expect(r.stderr).toMatch(/^error: /m);
    });
  });

  it('a first page that fails prints nothing on stdout', async () => {
    await withLoopback(async (cli, ims) => {
      ims.server.on(
        'GET',
        '/ims/api/v1/access_keys',
        (request) => ims.authorize(request) ?? { status: 500, body: {} },
      );
      const r = await cli(['keys', 'list', '-o', 'ndjson']);
      expect(r.exitCode).toBe(7);
      expect(r.stdout).toBe('');
    });
  });
});
