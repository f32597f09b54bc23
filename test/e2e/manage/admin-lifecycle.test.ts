import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import { advanceClock, type Session, session, wireDaysFrom } from './helpers.js';

let serve: ServeProcess;
let admin: Session;
let deploy: string;
let backup: string;

beforeAll(async () => {
  serve = await startServe({ args: ['--test-clock'] });
  if (!serve.admin) throw new Error('serve printed no admin credential');
  admin = session(serve, serve.admin);
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.api('POST', imsPaths.keys, body);
    if (res.status !== 201) throw new Error(`create: ${res.status}`);
    return res.body.access_key as string;
  };
  const now = new Date();
  deploy = await create({
    name: 'ci-deploy',
    expiry_enum: 'Custom value',
    expiry_time: wireDaysFrom(now, 5),
  });
  backup = await create({ name: 'backup', expiry_enum: '30 days' });
});
afterAll(async () => {
  admin?.home.cleanup();
  await serve?.stop();
});

describe('the built CLI against helixctl serve, as the administrator', () => {
  it('list: JSON with every key; a table when asked; tsv when piped', async () => {
    const r = await admin.cli(['keys', 'list', '--json']);
    expect(r.exitCode).toBe(0);
    const names = JSON.parse(r.stdout).map((k: { name: string }) => k.name);
    expect(names).toEqual(expect.arrayContaining(['ci-deploy', 'backup']));
    expect(names).toHaveLength(4); // with the administrator key and the onboarding key
    const table = await admin.cli(['keys', 'ls', '-o', 'table', '--name', 'ci-*']);
    expect(table.stdout).toMatch(
      /^NAME +ACCESS KEY +TYPE +STATUS +EXPIRES +CREATED +LAST USED\nci-deploy +[A-Z0-9]{30} +access +active +in (4|5) days +(?:just now|.+ ago) +never$/,
    );
    const tsv = await admin.cli(['keys', 'list', '--sort', 'name']);
    expect(tsv.stdout.split('\n')[0]).toBe(
      'name\taccess_key\ttype\tstatus\texpiry_time\tcreated_date\tlast_access',
    );
  });

  it('show and permissions', async () => {
    const show = await admin.cli(['keys', 'show', 'ci-deploy', '--json']);
    expect(show.exitCode).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({
      access_key: deploy,
      groups: [],
      roles: [],
      permissions: [],
    });
    const table = await admin.cli(['keys', 'show', deploy, '-o', 'table']);
    expect(table.stdout).toMatch(/^Name: +ci-deploy$/m);
    const perms = await admin.cli(['keys', 'permissions', 'ci-deploy', '--json']);
    expect(JSON.parse(perms.stdout)).toEqual([]);
  });

  it('assign, then permissions shows where they come from', async () => {
    const r = await admin.cli([
      'keys',
      'assign',
      'ci-deploy',
      '--role',
      'Viewer',
      '--group',
      'Administrators',
      '--json',
    ]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      access_key: deploy,
      groups: [{ name: 'Administrators' }],
      roles: [{ name: 'Viewer' }],
    });
    const perms = await admin.cli(['keys', 'permissions', 'ci-deploy', '-o', 'table']);
    // The wildcard reads 'all permissions (*)' (docs/cli-contract.md §5): columns align to it.
    expect(perms.stdout).toMatch(/^portal:read +role +Viewer$/m);
    expect(perms.stdout).toMatch(/^all permissions \(\*\) +group +Administrators$/m);
    const removed = await admin.cli([
      'keys',
      'assign',
      'ci-deploy',
      '--remove-group',
      'Administrators',
      '--json',
    ]);
    expect(JSON.parse(removed.stdout).groups).toEqual([]);
  });

  it('expire: dry run changes nothing, then the change; --never warns', async () => {
    const dry = await admin.cli([
      'keys',
      'expire',
      'backup',
      '--on',
      '2099-12-31',
      '--dry-run',
      '--json',
    ]);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dry_run: true,
      new_expiry_time: '2099-12-31T23:59:59Z',
    });
    const before = await admin.api('GET', imsPaths.key(backup));
    expect(before.body.expiry_time).not.toBe('2099-12-31T23:59:59');
    const r = await admin.cli(['keys', 'expire', 'backup', '--on', '2099-12-31', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^New expiry: +2099-12-31T23:59:59Z/m);
    const never = await admin.cli(['keys', 'expire', 'backup', '--never', '--json']);
    expect(never.stderr).toContain('not recommended');
    expect(JSON.parse(never.stdout).new_expiry_time).toBeNull();
  });

  it('deactivate (no terminal: goes ahead), again (already), activate', async () => {
    const off = await admin.cli(['keys', 'deactivate', 'backup']);
    expect(off.exitCode).toBe(0);
    expect(off.stderr).toContain('is now inactive');
    const again = await admin.cli(['keys', 'deactivate', 'backup']);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain('is already inactive');
    const on = await admin.cli(['keys', 'activate', 'backup', '--json']);
    expect(JSON.parse(on.stdout)).toMatchObject({ status: 'ACTIVE', changed: true });
  });

  it('check: nothing due, then the test clock makes ci-deploy expire (exit 10)', async () => {
    const clear = await admin.cli(['keys', 'check']);
    expect(clear.exitCode).toBe(0);
    expect(clear.stderr).toBe('no keys expire within 2d');
    await advanceClock(serve, 6 * 86_400);
    const due = await admin.cli(['keys', 'check', '--json']);
    expect(due.exitCode).toBe(10);
    expect(JSON.parse(due.stdout)).toEqual([
      expect.objectContaining({ access_key: deploy, key_expired: true }),
    ]);
  });

  it('delete: refused without --yes (exit 8), the onboarding key refused (exit 6), --expired deletes', async () => {
    const noYes = await admin.cli(['keys', 'delete', 'backup']);
    expect(noYes.exitCode).toBe(8);
    expect(noYes.stderr).toContain('--yes');
    const list = JSON.parse((await admin.cli(['keys', 'list', '--json'])).stdout);
    const onboarding = list.find((k: { non_deletable: boolean }) => k.non_deletable);
    const protectedKey = await admin.cli([
      'keys',
      'delete',
      onboarding.access_key,
      'backup',
      '--yes',
    ]);
    expect(protectedKey.exitCode).toBe(6);
    const expired = await admin.cli(['keys', 'delete', '--expired', '--yes', '--json']);
    expect(expired.exitCode).toBe(0);
    expect(JSON.parse(expired.stdout)).toEqual([
      { access_key: deploy, name: 'ci-deploy', deleted: true },
    ]);
    const gone = await admin.cli(['keys', 'rm', 'backup', '--yes', '--json']);
    expect(JSON.parse(gone.stdout)).toEqual([
      { access_key: backup, name: 'backup', deleted: true },
    ]);
    const after = await admin.cli(['keys', 'show', 'backup']);
    expect(after.exitCode).toBe(5);
  });
});
