import { describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { basic } from '../../../helpers/emulator-seed.js';
import { countRequests, json, useHarness } from './harness.js';

const h = useHarness('test');

const PLAIN = basic.acmePlain.accessKey;
const puts = (lines: string[]) =>
  countRequests(lines, 'PUT', imsPaths.keyGroups(PLAIN)) +
  countRequests(lines, 'PUT', imsPaths.keyRoles(PLAIN));

describe('keys assign', () => {
  it('adds groups and roles by name (json), resolving names to ids', async () => {
    const r = await h.cli([
      'keys',
      'assign',
      'acme-plain',
      '--group',
      'Auditors',
      '--role',
      'viewer',
      '--role',
      'Ticket Reader',
      '--json',
    ]);
    expect(r.exitCode).toBe(0);
    const doc = json(r);
    expect(doc).toEqual({
      access_key: PLAIN,
      name: 'acme-plain',
      groups: [{ group_id: expect.stringMatching(/^\d{15}$/), name: 'Auditors' }],
      roles: [
        { role_id: expect.stringMatching(/^\d{15}$/), name: 'Ticket Reader' },
        { role_id: expect.stringMatching(/^\d{15}$/), name: 'Viewer' },
      ],
    });
    expect(await h.groupsOf(PLAIN)).toEqual(['Auditors']);
    expect(await h.rolesOf(PLAIN)).toEqual(['Ticket Reader', 'Viewer']);
  });

  it('table: the resulting groups and roles; a group id works as well as a name', async () => {
    const token = await h.emu.login(basic.acmeAdmin);
    const groups = await h.emu.request('GET', imsPaths.groups, { token });
    const ingestion = groups.body.records.find((g: { name: string }) => g.name === 'Ingestion');
    const r = await h.cli([
      'keys',
      'assign',
      'acme-plain',
      '--group',
      ingestion.group_id,
      '-o',
      'table',
    ]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`KIND   NAME       ID\ngroup  Ingestion  ${ingestion.group_id}\n`);
    expect(r.stderr).toBe('updated the groups and roles of key "acme-plain"\n');
  });

  it('removes; a group that is not assigned is a warning, not an error', async () => {
    await h.cli(['keys', 'assign', 'acme-plain', '--group', 'Auditors', '--group', 'Ingestion']);
    const mark = h.mark();
    const r = await h.cli([
      'keys',
      'assign',
      'acme-plain',
      '--remove-group',
      'Ingestion',
      '--remove-group',
      'Administrators',
      '--json',
    ]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(
      'warning: group "Administrators" is not assigned to this key; nothing to remove',
    );
    expect(json(r).groups.map((g: { name: string }) => g.name)).toEqual(['Auditors']);
    expect(countRequests(mark(), 'PUT', imsPaths.keyGroups(PLAIN))).toBe(1);
    expect(countRequests(mark(), 'PUT', imsPaths.keyRoles(PLAIN))).toBe(0);
    expect(await h.groupsOf(PLAIN)).toEqual(['Auditors']);
  });

  it('--replace sets the given kind to exactly what is given and leaves the other kind', async () => {
    await h.cli(['keys', 'assign', 'acme-plain', '--group', 'Auditors', '--role', 'Viewer']);
    const r = await h.cli([
      'keys',
      'assign',
      'acme-plain',
      '--replace',
      '--group',
      'Ingestion',
      '--json',
    ]);
    expect(r.exitCode).toBe(0);
    expect(await h.groupsOf(PLAIN)).toEqual(['Ingestion']);
    expect(await h.rolesOf(PLAIN)).toEqual(['Viewer']);
  });

  it('sends nothing when the sets do not change', async () => {
    await h.cli(['keys', 'assign', 'acme-plain', '--group', 'Auditors']);
    const mark = h.mark();
    const r = await h.cli(['keys', 'assign', 'acme-plain', '--group', 'auditors', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('already has these groups and roles; nothing changed');
    expect(puts(mark())).toBe(0);
  });

  it('a user key is refused with exit 6 before anything changes', async () => {
    const mark = h.mark();
    const r = await h.cli(['keys', 'assign', 'bob-laptop', '--group', 'Auditors', '--json']);
    expect(r.exitCode).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^error: key "bob-laptop" is a user key: it inherits its owner's permissions/,
    );
    expect(mark().filter((l) => /^(PUT|PATCH|POST \/ims\/api\/v1\/access_keys )/.test(l))).toEqual(
      [],
    );
  });

  it('usage errors (exit 2) before any change: nothing given, unknown name, clashes', async () => {
    const mark = h.mark();
    const none = await h.cli(['keys', 'assign', 'acme-plain']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('error: nothing to change');
    const unknown = await h.cli(['keys', 'assign', 'acme-plain', '--group', 'Nope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/error: unknown group "Nope"\nhint: groups: /);
    const clash = await h.cli([
      'keys',
      'assign',
      'acme-plain',
      '--group',
      'Auditors',
      '--remove-group',
      'auditors',
    ]);
    expect(clash.exitCode).toBe(2);
    expect(clash.stderr).toContain('group "Auditors" is both added and removed');
    const replace = await h.cli([
      'keys',
      'assign',
      'acme-plain',
      '--replace',
      '--remove-role',
      'Viewer',
    ]);
    expect(replace.exitCode).toBe(2);
    expect(puts(mark())).toBe(0);
  });

  it('--dry-run shows the result and the changes, and changes nothing', async () => {
    await h.cli(['keys', 'assign', 'acme-plain', '--role', 'Viewer']);
    const mark = h.mark();
    const r = await h.cli([
      'keys',
      'assign',
      'acme-plain',
      '--group',
      'Auditors',
      '--remove-role',
      'Viewer',
      '--dry-run',
      '--json',
    ]);
    expect(r.exitCode).toBe(0);
    expect(json(r)).toMatchObject({
      dry_run: true,
      action: 'assign',
      access_key: PLAIN,
      name: 'acme-plain',
      groups: [{ name: 'Auditors' }],
      roles: [],
      changes: {
        groups_added: [{ name: 'Auditors' }],
        groups_removed: [],
        roles_added: [],
        roles_removed: [{ name: 'Viewer' }],
      },
    });
    const human = await h.cli(['keys', 'assign', 'acme-plain', '--group', 'Auditors', '--dry-run']);
    expect(human.stdout).toBe('');
    expect(human.stderr).toContain('dry run: groups: add "Auditors"');
    expect(puts(mark())).toBe(0);
    expect(await h.groupsOf(PLAIN)).toEqual([]);
    expect(await h.rolesOf(PLAIN)).toEqual(['Viewer']);
  });

  it('exit codes: the auditor may read but not assign (4); a plain user cannot see the key (5)', async () => {
    const auditor = await h.cli(['keys', 'assign', 'acme-plain', '--group', 'Auditors'], {
      as: basic.acmeAuditor,
    });
    expect(auditor.exitCode).toBe(4);
    const plain = await h.cli(['keys', 'assign', PLAIN, '--group', 'Auditors'], {
      as: basic.bobLaptop,
    });
    expect(plain.exitCode).toBe(5);
    expect(await h.groupsOf(PLAIN)).toEqual([]);
  });
});
