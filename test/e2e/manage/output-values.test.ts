import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../../helpers/cli.js';
import { useSandbox } from '../../helpers/lifecycle.js';

/**
 * Issue 13, "what scripts trip over": the values helixctl prints, in every format, against the
 * built binary on `--profile local` (docs/cli-contract.md §6).
 * - every timestamp is RFC 3339 UTC with `Z` and whole seconds, so `jq fromdateiso8601` reads
 *   it (the service's own zone-less `2027-01-06T23:59:59` made jq fail);
 * - key types are the words `--type` takes (`access`, `api`), never the wire's `TENANT`/`API`,
 *   and `--type` still takes both;
 * - every single-key JSON result names its key: `name` and `access_key`.
 */
const sb = useSandbox({}, 'file');

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** The timestamp fields helixctl knows (docs/ims-api.md §6 and its own additions). */
const TIME_KEY = /(_time|_date|_access|_until|_at)$/;
const JQ_TIMES = `[.. | objects | to_entries[] | select(.key | test("${TIME_KEY.source}")) | .value | select(. != null) | fromdateiso8601] | length > 0`;

const hasJq = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v jq'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function cli(...args: string[]) {
  const r = await spawnCli(['--profile', 'local', '-q', ...args], { env: sb.env, timeout: 60_000 });
  return r;
}

/** Runs a command that must succeed and print JSON; returns the parsed document. */
async function doc(...args: string[]): Promise<unknown> {
  const r = await cli(...args, '--json');
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** {@link doc}, for a document that holds times: each must be readable. */
async function json(...args: string[]): Promise<unknown> {
  const r = await cli(...args, '--json');
  expect(r.exitCode, r.stderr).toBe(0);
  await expectTimesReadable(r.stdout);
  return JSON.parse(r.stdout);
}

/** Every known time field holds RFC 3339 UTC; at least one is there; jq agrees when present. */
async function expectTimesReadable(stdout: string): Promise<void> {
  const docs = stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '');
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (TIME_KEY.test(key) && inner !== null) found.push(`${key}=${String(inner)}`);
        walk(inner);
      }
    }
  };
  for (const doc of docs.length > 1 ? docs : [stdout]) walk(JSON.parse(doc));
  expect(found.length, stdout).toBeGreaterThan(0);
  for (const entry of found) {
    const value = entry.slice(entry.indexOf('=') + 1);
    expect(value, entry).toMatch(RFC3339);
    expect(Number.isNaN(Date.parse(value)), entry).toBe(false);
  }
  if (hasJq) {
    const r = await execa('jq', ['-e', JQ_TIMES], { input: stdout, reject: false });
    expect(r.exitCode, `${r.stderr}\n${stdout}`).toBe(0);
  }
}

type Rec = Record<string, unknown>;

let accessKey = '';
let apiKey = '';

beforeAll(async () => {
  const a = (await json(
    'keys',
    'add',
    'a1',
    '--expires',
    '30d',
    '--secret-file',
    join(sb.home, 'a1.cred'),
  )) as Rec;
  accessKey = String(a.access_key);
  const p = (await json(
    'keys',
    'add',
    'p1',
    '--type',
    'api',
    '--expires',
    '30d',
    '--secret-file',
    join(sb.home, 'p1.cred'),
  )) as Rec;
  apiKey = String(p.access_key);
}, 120_000);

describe('timestamps are RFC 3339 UTC with Z in every format', () => {
  it('list: json, ndjson and tsv', async () => {
    const list = (await json('keys', 'list')) as Rec[];
    const a1 = list.find((k) => k.name === 'a1') as Rec;
    expect(a1.expiry_time).toMatch(RFC3339);
    expect(a1.created_date).toMatch(RFC3339);
    if (hasJq) {
      const r = await cli('keys', 'list', '--json');
      const jq = await execa(
        'jq',
        ['-e', '.[] | select(.expiry_time != null) | .expiry_time | fromdateiso8601'],
        { input: r.stdout, reject: false },
      );
      expect(jq.exitCode, jq.stderr).toBe(0);
    }
    const nd = await cli('keys', 'list', '-o', 'ndjson');
    expect(nd.exitCode, nd.stderr).toBe(0);
    await expectTimesReadable(nd.stdout);
    const tsv = await cli('keys', 'list', '-o', 'tsv');
    const [header, ...rows] = tsv.stdout.trimEnd().split('\n');
    const cols = (header ?? '').split('\t');
    const row = rows.map((l) => l.split('\t')).find((c) => c[0] === 'a1') ?? [];
    expect(row[cols.indexOf('expiry_time')]).toMatch(RFC3339);
    expect(row[cols.indexOf('created_date')]).toMatch(RFC3339);
  });

  it('show: json (rotation dates too) and the human record', async () => {
    const shown = (await json('keys', 'show', apiKey)) as Rec;
    expect(shown.expiry_time).toMatch(RFC3339);
    expect((shown.rotation as Rec).next_rotation_date).toMatch(RFC3339);
    const human = await cli('keys', 'show', accessKey, '-o', 'table');
    expect(human.exitCode, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Expires: +\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z \(in /m);
    expect(human.stdout).toMatch(/^Created: +\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z \(/m);
  });

  it('add and rotate, single and --all', async () => {
    const added = (await json(
      'keys',
      'add',
      'a2',
      '--expires',
      '2027-01-31T12:00:00+02:00',
      '--secret-file',
      join(sb.home, 'a2.cred'),
    )) as Rec;
    expect(added.expiry_time).toBe('2027-01-31T10:00:00Z');
    const rotated = (await json(
      'keys',
      'rotate',
      'a2',
      '--secret-file',
      join(sb.home, 'a2b.cred'),
    )) as Rec;
    expect(rotated.expiry_time).toMatch(RFC3339);
    const api = (await json(
      'keys',
      'rotate',
      apiKey,
      '--secret-file',
      join(sb.home, 'p1b.cred'),
    )) as Rec;
    expect(api.old_valid_until).toMatch(RFC3339);
    apiKey = String(api.access_key);
    const all = (await json(
      'keys',
      'rotate',
      '--all',
      '--name',
      'a*',
      '--secret-dir',
      join(sb.home, 's'),
    )) as Rec[];
    expect(all.length).toBe(2);
    for (const row of all) expect(row.new_expiry_time).toMatch(RFC3339);
  });

  it('expire: json, tsv and the message', async () => {
    const change = (await json('keys', 'expire', 'a1', '--on', '2027-03-01')) as Rec;
    expect(change).toMatchObject({
      name: 'a1',
      access_key: accessKey,
      new_expiry_time: '2027-03-01T23:59:59Z',
    });
    expect(change.old_expiry_time).toMatch(RFC3339);
    const tsv = await spawnCli(
      ['--profile', 'local', 'keys', 'expire', 'a1', '--on', '2027-03-02', '-o', 'tsv'],
      { env: sb.env },
    );
    expect(tsv.exitCode, tsv.stderr).toBe(0);
    expect(tsv.stdout).toMatch(/\t2027-03-01T23:59:59Z\t2027-03-02T23:59:59Z$/m);
    const msg = await spawnCli(['--profile', 'local', 'keys', 'expire', 'a1', '--in', '3d'], {
      env: sb.env,
    });
    expect(msg.stderr).toMatch(/^expires \d{4}-\d{2}-\d{2}T23:59:59Z \(end of the UTC day/m);
  });

  it('check', async () => {
    const r = await cli('keys', 'check', '--within', '400d', '--json');
    expect(r.exitCode, r.stderr).toBe(10);
    await expectTimesReadable(r.stdout);
    const listed = JSON.parse(r.stdout) as Rec[];
    expect(listed.length).toBeGreaterThan(0);
    for (const k of listed) expect(k.expiry_time).toMatch(RFC3339);
  });
});

describe('key types are the words --type takes', () => {
  it('json, ndjson, tsv, table and whoami say access / api', async () => {
    const list = (await json('keys', 'list')) as Rec[];
    const types = new Set(list.map((k) => k.type));
    expect([...types].sort()).toEqual(['access', 'api']);
    const nd = await cli('keys', 'list', '-o', 'ndjson');
    expect(nd.stdout).not.toMatch(/"(TENANT|API)"/);
    const tsv = await cli('keys', 'list', '-o', 'tsv');
    expect(tsv.stdout).toMatch(/\taccess\t/);
    expect(tsv.stdout).toMatch(/\tapi\t/);
    expect(tsv.stdout).not.toMatch(/\t(TENANT|API)\t/);
    const shown = await cli('keys', 'show', accessKey, '-o', 'table');
    expect(shown.stdout).toMatch(/^Type: +access$/m);
    const who = (await spawnCli(['--profile', 'local', 'whoami', '--json'], { env: sb.env }))
      .stdout;
    expect(JSON.parse(who).key_type).toBe('access');
  });

  it('--type takes the words and the wire values, in any case', async () => {
    const names = async (type: string) => {
      const r = await cli('keys', 'list', '--type', type, '--json');
      expect(r.exitCode, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as Rec[]).map((k) => k.name).sort();
    };
    const access = await names('access');
    expect(access).toContain('a1');
    expect(await names('TENANT')).toEqual(access);
    expect(await names('tenant')).toEqual(access);
    const api = await names('api');
    expect(api).toContain('p1');
    expect(await names('API')).toEqual(api);
  });
});

describe('every single-key JSON result names its key', () => {
  it('assign, activate, deactivate, expire, show, add, rotate, delete', async () => {
    const results: Array<[string, Rec]> = [
      ['assign', (await doc('keys', 'assign', 'a1', '--role', 'Viewer')) as Rec],
      ['deactivate', (await doc('keys', 'deactivate', 'a1')) as Rec],
      ['activate', (await doc('keys', 'activate', 'a1')) as Rec],
      ['expire', (await json('keys', 'expire', 'a1', '--in', '9d')) as Rec],
      ['show', (await json('keys', 'show', 'a1')) as Rec],
      ['rotate', (await json('keys', 'rotate', 'a1', '--secret-file', join(sb.home, 'x'))) as Rec],
    ];
    for (const [verb, doc] of results) {
      expect({ verb, name: doc.name, access_key: doc.access_key }).toEqual({
        verb,
        name: 'a1',
        access_key: accessKey,
      });
    }
    const added = (await json(
      'keys',
      'add',
      'd1',
      '--expires',
      '1d',
      '--secret-file',
      join(sb.home, 'd1.cred'),
    )) as Rec;
    expect(added.name).toBe('d1');
    const deleted = await cli('keys', 'delete', 'd1', '--yes', '--json');
    expect(deleted.exitCode, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual([
      { access_key: added.access_key, name: 'd1', deleted: true },
    ]);
  });
});
