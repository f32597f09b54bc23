import { beforeAll, describe, expect, it } from 'vitest';
import type { AccessKeyRecord } from '../../../../src/wire/types.js';
import { basic } from '../../../helpers/emulator-seed.js';
import { ESC } from '../../../helpers/fake-io.js';
import { json, useHarness } from './harness.js';

const h = useHarness('file');
beforeAll(async () => {
  // One key expiring in 3 days (yellow) and one in 20 days.
  await h.createKey({
    name: 'soon',
    expiry_enum: 'Custom value',
    expiry_time: '2026-01-18T10:00:00',
  });
  await h.createKey({
    name: 'later',
    expiry_enum: 'Custom value',
    expiry_time: '2026-02-04T10:00:00',
  });
});

const names = (records: Array<{ name: string }>) => records.map((r) => r.name);
const ALL = [
  'old-expired',
  'acme-admin',
  'acme-auditor',
  'acme-plain',
  'bob-laptop',
  'ingest',
  'switched-off',
  basic.onboardingName,
  'soon',
  'later',
];

describe('keys list: output modes', () => {
  it('json: every key as keyJson records (expiry_time null for never)', async () => {
    const r = await h.cli(['keys', 'list', '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const records = json(r) as AccessKeyRecord[];
    expect(names(records).sort()).toEqual([...ALL].sort());
    const admin = records.find((k) => k.name === 'acme-admin');
    expect(admin).toMatchObject({ access_key: basic.acmeAdmin.accessKey, expiry_time: null });
    expect(records.find((k) => k.name === 'bob-laptop')?.expiry_time).toBe('2030-06-30T23:59:59Z');
  });

  it('json on a terminal is indented exactly like JSON.stringify(list, null, 2)', async () => {
    const r = await h.cli(['keys', 'list', '--json'], { tty: { stdoutTTY: true } });
    const parsed = JSON.parse(r.stdout);
    expect(parsed).toHaveLength(ALL.length);
    expect(r.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
  });

  it('ndjson: one keyJson object a line', async () => {
    const r = await h.cli(['keys', 'list', '-o', 'ndjson']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(ALL.length);
    const admin = lines.map((l) => JSON.parse(l)).find((k) => k.name === 'acme-admin');
    expect(admin.expiry_time).toBeNull();
  });

  it('tsv when piped: a header and the values json prints (type words, RFC 3339 UTC)', async () => {
    const r = await h.cli(['keys', 'list', '--name', 'bob-*']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      'name\taccess_key\ttype\tstatus\texpiry_time\tcreated_date\tlast_access\n' +
        `bob-laptop\t${basic.bobLaptop.accessKey}\tuser\tACTIVE\t2030-06-30T23:59:59Z\t2026-01-15T10:00:00Z\t\n`,
    );
  });

  it('table: relative times, red for expired, yellow within 7 days', async () => {
    const r = await h.cli(['keys', 'list', '-o', 'table'], {
      tty: { stdoutTTY: true, stderrTTY: true },
    });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('NAME');
    expect(lines[0]).toContain('LAST USED');
    const line = (name: string) => lines.find((l) => l.startsWith(name)) ?? '';
    expect(line('old-expired')).toContain(`${ESC}[31mexpired 5 years ago`);
    expect(line('soon')).toContain(`${ESC}[33min 3 days`);
    expect(line('later')).toContain('in 20 days');
    expect(line('later')).not.toContain(`${ESC}[33m`);
    expect(line('acme-admin')).toMatch(/never/);
  });

  it('an empty result: [] in JSON, a message on stderr in a table, exit 0', async () => {
    const asJson = await h.cli(['keys', 'list', '--name', 'nothing-*', '--json']);
    expect(asJson.exitCode).toBe(0);
    expect(asJson.stdout).toBe('[]\n');
    const asTable = await h.cli(['keys', 'list', '--name', 'nothing-*', '-o', 'table']);
    expect(asTable.exitCode).toBe(0);
    expect(asTable.stdout).toBe('');
    expect(asTable.stderr).toBe('no keys match these filters\n');
    const asTsv = await h.cli(['keys', 'list', '--name', 'nothing-*']);
    expect(asTsv.stdout.split('\n')).toEqual([expect.stringMatching(/^name\t/), '']);
  });
});

describe('keys list: filters', () => {
  const listNames = async (...args: string[]) =>
    names(json(await h.cli(['keys', 'ls', '--json', ...args])));

  it('--type, --status, --expired, --expiring-within, --name', async () => {
    expect((await listNames('--type', 'api')).sort()).toEqual([basic.onboardingName, 'ingest']);
    expect(await listNames('--type', 'user')).toEqual(['bob-laptop']);
    expect(await listNames('--status', 'inactive')).toEqual(['switched-off']);
    expect(await listNames('--expired')).toEqual(['old-expired']);
    expect((await listNames('--expiring-within', '7d')).sort()).toEqual(['old-expired', 'soon']);
    expect((await listNames('--name', 'acme-a*')).sort()).toEqual(['acme-admin', 'acme-auditor']);
  });

  it("--user lists that person's user-level keys", async () => {
    expect(await listNames('--user', basic.users.bob)).toEqual(['bob-laptop']);
    expect(await listNames('--user', basic.users.alice)).toEqual([]);
  });

  it('a bad filter value is a usage error before any request', async () => {
    const mark = h.mark();
    const r = await h.cli(['keys', 'list', '--type', 'robot']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^error: .*--type/);
    expect(mark()).toEqual([]);
  });
});

describe('keys list: sorting and limits', () => {
  const listNames = async (...args: string[]) =>
    names(json(await h.cli(['keys', 'ls', '--json', ...args])));

  it('--sort name (by the service) and --desc', async () => {
    const sorted = [...ALL].sort();
    expect(await listNames('--sort', 'name')).toEqual(sorted);
    expect(await listNames('--sort', 'name', '--desc')).toEqual([...sorted].reverse());
  });

  it('--sort expires: soonest first, never last; --desc reverses', async () => {
    const got = await listNames('--sort', 'expires');
    expect(got.slice(0, 4)).toEqual(['old-expired', 'soon', 'later', 'bob-laptop']);
    expect(got.slice(4).sort()).toEqual(
      ALL.filter((n) => !['old-expired', 'soon', 'later', 'bob-laptop'].includes(n)).sort(),
    );
    const desc = await listNames('--sort', 'expires', '--desc');
    expect(desc.slice(-4)).toEqual(['bob-laptop', 'later', 'soon', 'old-expired']);
  });

  it('--sort type (access, api, user), --sort status, --sort created', async () => {
    const byType = json(
      await h.cli(['keys', 'ls', '--json', '--sort', 'type']),
    ) as AccessKeyRecord[];
    const types = byType.map((k) => k.type);
    expect(types.slice(0, 7)).toEqual(Array(7).fill('access'));
    expect(types.slice(7)).toEqual(['api', 'api', 'user']);
    // Equal types are in name order.
    expect(byType.slice(7, 9).map((k) => k.name)).toEqual([basic.onboardingName, 'ingest']);
    const byStatus = await listNames('--sort', 'status', '--desc');
    expect(byStatus[0]).toBe('switched-off');
    const byCreated = await listNames('--sort', 'created');
    expect(byCreated[0]).toBe('old-expired');
  });

  it('--limit keeps the first n after filtering and sorting', async () => {
    expect(await listNames('--sort', 'name', '--limit', '3')).toEqual([...ALL].sort().slice(0, 3));
    expect(await listNames('--sort', 'expires', '--limit', '2')).toEqual(['old-expired', 'soon']);
    expect(await listNames('--type', 'api', '--sort', 'name', '--limit', '1')).toEqual([
      basic.onboardingName,
    ]);
  });
});

describe('keys list: who sees what', () => {
  it('a plain user (403 on the tenant list) sees only their own keys', async () => {
    const r = await h.cli(['keys', 'list', '--json'], { as: basic.bobLaptop });
    expect(r.exitCode).toBe(0);
    expect(names(json(r))).toEqual(['bob-laptop']);
  });

  it("a plain user asking for another user's keys: exit 4", async () => {
    const r = await h.cli(['keys', 'list', '--user', basic.users.alice], { as: basic.bobLaptop });
    expect(r.exitCode).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: /);
  });

  it('an auditor reads the tenant-wide list', async () => {
    const r = await h.cli(['keys', 'list', '--json'], { as: basic.acmeAuditor });
    expect(names(json(r)).sort()).toEqual([...ALL].sort());
  });
});
