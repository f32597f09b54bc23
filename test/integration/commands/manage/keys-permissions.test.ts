import { beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { basic } from '../../../helpers/emulator-seed.js';
import { json, useHarness } from './harness.js';

const h = useHarness('file');
let both: string;
beforeAll(async () => {
  // A key holding `Data Ingestion` twice: directly, and through the Ingestion group.
  const key = await h.createKey({ name: 'both-ways', expiry_enum: '30 days' });
  both = key.access_key;
  const token = await h.emu.login(basic.acmeAdmin);
  const ids = async (path: string, name: string, field: string) => {
    const res = await h.emu.request('GET', path, { token });
    return res.body.records.find((r: { name: string }) => r.name === name)[field];
  };
  const group = await ids(imsPaths.groups, 'Ingestion', 'group_id');
  const role = await ids(imsPaths.roles, 'Data Ingestion', 'role_id');
  await h.emu.request('PUT', imsPaths.keyGroups(both), { token, body: { group_ids: [group] } });
  await h.emu.request('PUT', imsPaths.keyRoles(both), { token, body: { role_ids: [role] } });
});

describe('keys permissions', () => {
  it('table: each permission and where it comes from; the wildcard in words', async () => {
    // Was a bare `*`, read as one permission among others (issue 13).
    const r = await h.cli(['keys', 'permissions', 'acme-admin', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      'PERMISSION           VIA    NAME\nall permissions (*)  group  Administrators\n',
    );
  });

  it('JSON and TSV keep the service value `*`', async () => {
    const asJson = await h.cli(['keys', 'permissions', 'acme-admin', '--json']);
    expect(json(asJson)).toEqual([{ permission: '*', via: 'group', name: 'Administrators' }]);
    const asTsv = await h.cli(['keys', 'permissions', 'acme-admin']);
    expect(asTsv.stdout).toBe('permission\tvia\tname\n*\tgroup\tAdministrators\n');
  });

  it('json: one {permission, via, name} per source, a permission from two sources twice', async () => {
    const r = await h.cli(['keys', 'permissions', both, '--json']);
    expect(r.exitCode).toBe(0);
    expect(json(r)).toEqual([
      { permission: 'ingestion:events:write', via: 'group', name: 'Ingestion' },
      { permission: 'ingestion:events:write', via: 'role', name: 'Data Ingestion' },
      { permission: 'ingestion:metrics:write', via: 'group', name: 'Ingestion' },
      { permission: 'ingestion:metrics:write', via: 'role', name: 'Data Ingestion' },
    ]);
  });

  it('tsv when piped', async () => {
    const r = await h.cli(['keys', 'permissions', 'ingest']);
    expect(r.stdout).toBe(
      'permission\tvia\tname\n' +
        'ingestion:events:write\trole\tData Ingestion\n' +
        'ingestion:metrics:write\trole\tData Ingestion\n',
    );
  });

  it('a key without permissions: [] in JSON, a message in a table', async () => {
    const asJson = await h.cli(['keys', 'permissions', 'acme-plain', '--json']);
    expect(asJson.exitCode).toBe(0);
    expect(json(asJson)).toEqual([]);
    const asTable = await h.cli(['keys', 'permissions', 'acme-plain', '-o', 'table']);
    expect(asTable.stdout).toBe('');
    expect(asTable.stderr).toBe(
      `key "acme-plain" (${basic.acmePlain.accessKey}) has no permissions\n`,
    );
  });

  it("a user key has its owner's permissions, and the table says so", async () => {
    const r = await h.cli(['keys', 'permissions', 'bob-laptop', '-o', 'table'], {
      as: basic.bobLaptop,
    });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('PERMISSION   VIA   NAME\nportal:read  role  Viewer\n');
    expect(r.stderr).toContain("is a user key: these are its owner's permissions");
  });

  it("an unknown key: exit 5; another user's key for a plain user: exit 5", async () => {
    expect((await h.cli(['keys', 'permissions', 'nope'])).exitCode).toBe(5);
    const hidden = await h.cli(['keys', 'permissions', basic.acmeAdmin.accessKey], {
      as: basic.bobLaptop,
    });
    expect(hidden.exitCode).toBe(5);
  });
});
