import { beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { basic } from '../../../helpers/emulator-seed.js';
import { json, useHarness } from './harness.js';

const h = useHarness('file');
beforeAll(async () => {
  await h.createKey({ name: 'twin', expiry_enum: '30 days' });
  await h.createKey({ name: 'twin', expiry_enum: '30 days' });
});

describe('keys show', () => {
  it('table: every field as label/value lines, with owner, groups and permission sources', async () => {
    const r = await h.cli(['keys', 'show', 'acme-admin', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const field = (label: string) =>
      lines.find((l) => l.startsWith(`${label}:`))?.replace(/^[^:]+:\s+/, '');
    expect(field('Name')).toBe('acme-admin');
    expect(field('Access key')).toBe(basic.acmeAdmin.accessKey);
    expect(field('Type')).toBe('access');
    expect(field('Status')).toBe('active');
    expect(field('Description')).toBe('Acme administrator key');
    expect(field('Expires')).toBe('never');
    expect(field('Created')).toBe('2026-01-15T10:00:00Z (just now)');
    expect(field('Owner')).toBe(`Alice Admin (alice, ${basic.users.alice})`);
    expect(field('Deletable')).toBe('yes');
    expect(field('Groups')).toBe('Administrators');
    expect(field('Roles')).toBe('none');
    expect(field('Permissions')).toBe('all permissions (*) (group Administrators)');
    expect(field('Rotation')).toBeUndefined();
  });

  it('an API key shows its rotation schedule; a non-deletable one says so', async () => {
    const ingest = await h.cli(['keys', 'show', basic.ingest.accessKey, '-o', 'table']);
    expect(ingest.stdout).toMatch(
      /^Rotation: +every 30d, grace 15d; next 2026-02-14T10:00:00Z \(in 30 days\)$/m,
    );
    const onboarding = await h.cli(['keys', 'show', basic.onboardingName, '-o', 'table']);
    expect(onboarding.stdout).toMatch(/^Rotation: +never rotates$/m);
    expect(onboarding.stdout).toMatch(/^Deletable: +no \(non-deletable\)$/m);
  });

  it('json: keyJson of the record plus owner, groups, roles, permissions and their sources', async () => {
    const r = await h.cli(['keys', 'show', 'ingest', '--json']);
    expect(r.exitCode).toBe(0);
    const doc = json(r);
    expect(doc).toMatchObject({
      access_key: basic.ingest.accessKey,
      name: 'ingest',
      type: 'api',
      expiry_time: null,
      rotation: { never_rotate: false, rotation_period: 30, grace_period: 15 },
      owner: null,
      groups: [],
      roles: [{ role_id: expect.stringMatching(/^\d{15}$/), name: 'Data Ingestion' }],
      permissions: ['ingestion:events:write', 'ingestion:metrics:write'],
      permission_sources: [
        { permission: 'ingestion:events:write', via: 'role', name: 'Data Ingestion' },
        { permission: 'ingestion:metrics:write', via: 'role', name: 'Data Ingestion' },
      ],
    });
  });

  it("a user key shows its owner's groups and roles, marked as inherited", async () => {
    const r = await h.cli(['keys', 'show', 'bob-laptop', '-o', 'table']);
    expect(r.stdout).toMatch(/^Roles: +Viewer \(inherited from the owner\)$/m);
    expect(r.stdout).toMatch(/^Owner: +Bob User \(bob, 100000000000002\)$/m);
    expect(r.stdout).toMatch(/^Expires: +2030-06-30T23:59:59Z \(in 4 years\)$/m);
    const doc = json(await h.cli(['keys', 'show', 'bob-laptop', '--json']));
    expect(doc.owner).toEqual({ user_id: basic.users.bob, login_id: 'bob', full_name: 'Bob User' });
  });

  it('takes an access key, a numeric user id or a unique name', async () => {
    for (const ref of [basic.acmePlain.accessKey, basic.keyIds.acmePlain, 'acme-plain']) {
      const r = await h.cli(['keys', 'show', ref, '--json']);
      expect(r.exitCode).toBe(0);
      expect(json(r).access_key).toBe(basic.acmePlain.accessKey);
    }
  });

  it('fetches the record once and the parts beside it', async () => {
    const mark = h.mark();
    await h.cli(['keys', 'show', basic.acmeAdmin.accessKey, '--json']);
    const paths = mark().map((l) => l.split(' ').slice(0, 2).join(' '));
    expect(paths.filter((p) => p.startsWith('GET')).sort()).toEqual(
      [
        `GET ${imsPaths.key(basic.acmeAdmin.accessKey)}`,
        `GET ${imsPaths.keyGroups(basic.acmeAdmin.accessKey)}`,
        `GET ${imsPaths.keyRoles(basic.acmeAdmin.accessKey)}`,
        `GET ${imsPaths.keyPermissions(basic.acmeAdmin.accessKey)}`,
        `GET ${imsPaths.user(basic.users.alice)}`,
      ].sort(),
    );
  });

  it('an unknown key: exit 5; an ambiguous name: exit 2 listing the candidates', async () => {
    const unknown = await h.cli(['keys', 'show', 'no-such-key']);
    expect(unknown.exitCode).toBe(5);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^error: no key with access key or name "no-such-key"$/m);
    const twin = await h.cli(['keys', 'show', 'twin', '--json']);
    expect(twin.exitCode).toBe(2);
    expect(twin.stderr).toMatch(
      /key name "twin" matches 2 keys: "twin" \([A-Z0-9]{30}\), "twin" \([A-Z0-9]{30}\)/,
    );
    expect(JSON.parse(twin.stderr.trim().split('\n').at(-1) ?? '')).toMatchObject({
      error: { code: 'AMBIGUOUS_KEY', exit_code: 2 },
    });
  });

  it("a plain user cannot see another's key (404 from the service: exit 5)", async () => {
    const byKey = await h.cli(['keys', 'show', basic.acmeAdmin.accessKey], { as: basic.bobLaptop });
    expect(byKey.exitCode).toBe(5);
    const byName = await h.cli(['keys', 'show', 'acme-admin'], { as: basic.bobLaptop });
    expect(byName.exitCode).toBe(5);
    const own = await h.cli(['keys', 'show', 'bob-laptop', '--json'], { as: basic.bobLaptop });
    expect(own.exitCode).toBe(0);
    expect(json(own).permissions).toEqual(['portal:read']);
  });
});
