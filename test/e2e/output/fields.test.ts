import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../../helpers/cli.js';
import { useSandbox } from '../../helpers/lifecycle.js';

/** Issue 13: `--fields` picks the same fields, by their JSON names, in every output mode. */
const sb = useSandbox({}, 'file');
const cli = (...args: string[]) =>
  spawnCli(['--profile', 'local', '-q', ...args], { env: sb.env, timeout: 60_000 });
let accessKey = '';

beforeAll(async () => {
  const add = await cli(
    'keys',
    'add',
    'mykey',
    '--expires',
    '30d',
    '--secret-file',
    join(sb.home, 'mykey.cred'),
    '--json',
  );
  expect(add.exitCode, add.stderr).toBe(0);
  accessKey = (JSON.parse(add.stdout) as { access_key: string }).access_key;
}, 120_000);

describe('keys list --fields', () => {
  it('json: only those fields, in that order', async () => {
    const r = await cli('keys', 'list', '--fields', 'name,access_key,expiry_time,status', '--json');
    expect(r.exitCode, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['name', 'access_key', 'expiry_time', 'status']);
    }
    expect(rows).toContainEqual(expect.objectContaining({ name: 'mykey', access_key: accessKey }));
  });

  it('ndjson and a sorted list (collected, not streamed) pick the same fields', async () => {
    const nd = await cli('keys', 'list', '--fields', 'access_key,name', '-o', 'ndjson');
    const lines = nd.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const line of lines) expect(Object.keys(line)).toEqual(['access_key', 'name']);
    const sorted = await cli('keys', 'list', '--sort', 'expires', '--fields', 'name', '--json');
    for (const row of JSON.parse(sorted.stdout)) expect(Object.keys(row)).toEqual(['name']);
  });

  it('tsv: a header of those names and their raw values', async () => {
    const r = await cli('keys', 'list', '--fields', 'access_key,name,description', '-o', 'tsv');
    expect(r.exitCode, r.stderr).toBe(0);
    // spawnCli's stdout has its final newline removed; a row's empty last field stays.
    const [header, ...rows] = r.stdout.split('\n');
    expect(header).toBe('access_key\tname\tdescription');
    expect(rows).toContain(`${accessKey}\tmykey\t`);
  });

  it('table: those columns only', async () => {
    const r = await cli('keys', 'list', '--fields', 'status,name', '-o', 'table', '--no-color');
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^STATUS +NAME$/);
    expect(lines).toContainEqual(expect.stringMatching(/^active +mykey$/));
  });

  it('an unknown field is exit 2 naming the valid ones, before any output', async () => {
    const r = await cli('keys', 'list', '--fields', 'name,expires', '--json');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown field "expires"; valid: name, access_key, type, status');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--json alone still prints every field', async () => {
    const r = await cli('keys', 'list', '--json');
    expect(r.exitCode, r.stderr).toBe(0);
    const mine = (JSON.parse(r.stdout) as Record<string, unknown>[]).find(
      (k) => k.name === 'mykey',
    );
    expect(mine).toMatchObject({ access_key: accessKey, type: 'access', key_expired: false });
  });
});

describe('keys show --fields', () => {
  it('json: only those fields, in that order, details included', async () => {
    const r = await cli('keys', 'show', 'mykey', '--fields', 'access_key,groups,owner', '--json');
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['access_key', 'groups', 'owner']);
    expect(doc.access_key).toBe(accessKey);
    expect(doc.groups).toEqual([]);
  });

  it('table: the labelled lines of those fields only', async () => {
    const r = await cli(
      'keys',
      'show',
      '--fields',
      'name,access_key,key_expired',
      'mykey',
      '-o',
      'table',
      '--no-color',
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Name:         mykey\nAccess key:   ${accessKey}\nkey_expired:  false`);
  });

  it('tsv: one header line and one row of those fields', async () => {
    const r = await cli('keys', 'show', 'mykey', '--fields', 'access_key,name', '-o', 'tsv');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Access key\tName\n${accessKey}\tmykey`);
  });

  it('an unknown field is exit 2; `--json` before the key still works', async () => {
    const bad = await cli('keys', 'show', 'mykey', '--fields', 'secret');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('unknown field "secret"; valid: name, access_key');
    const r = await cli('keys', 'show', '--json', 'mykey');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'mykey', access_key: accessKey, roles: [] });
  });
});
