import { describe, expect, it } from 'vitest';
import { EXPIRY_ENUM } from '../../../../src/core/expiry-enum.js';
import { endOfUtcDay, formatWireSeconds } from '../../../../src/core/timestamp.js';
import {
  ACCESS_KEY,
  BOB,
  BOB_USER_ID,
  boxCredential,
  CAROL_USER_ID,
  expectRecordShape,
  expectSecretFields,
  plain,
  startWorld,
  useWorld,
} from './world.js';

const DAY = 86_400_000;
const w = useWorld();

describe('keys add as an administrator', () => {
  it('creates a tenant key with every flag, shows it once in a table run, and it logs in', async () => {
    const r = await w.cli(
      [
        'keys',
        'add',
        'ci-deploy',
        '--description',
        'CI deploys',
        '--type',
        'access',
        '--expires',
        '30d',
        '--group',
        'Ingestion',
        '--role',
        'ticket reader',
      ],
      { tty: { stdoutTTY: true } },
    );
    expect(r.exitCode).toBe(0);
    const cred = boxCredential(r.stdout);
    expect(plain(r.stdout)).toContain('New access key: ci-deploy');
    expect(r.stdout).toContain('shown only once');
    const expiry = formatWireSeconds(endOfUtcDay(new Date(w.now().getTime() + 30 * DAY)));
    expect(r.stderr).toContain(
      `created access key "ci-deploy" (${cred.accessKey}); it expires ${expiry}Z`,
    );
    const record = await w.key(cred.accessKey);
    expect(record).toMatchObject({
      name: 'ci-deploy',
      description: 'CI deploys',
      type: 'TENANT',
      expiry_enum: EXPIRY_ENUM.DAYS_30,
      expiry_time: expiry,
    });
    expect((await w.groups(cred.accessKey)).map((g) => g.name)).toEqual(['Ingestion']);
    expect((await w.roles(cred.accessKey)).map((g) => g.name)).toEqual(['Ticket Reader']);
    expect(await w.loginStatus(cred)).toBe(200);
  });

  it('sends a group named twice (by name and by case) once', async () => {
    const r = await w.cli([
      '--json',
      'keys',
      'add',
      'twice',
      '--expires',
      '30d',
      '--group',
      'Ingestion',
      '--group',
      'ingestion',
    ]);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect((await w.groups(doc.access_key)).map((g) => g.name)).toEqual(['Ingestion']);
  });

  it('prints one JSON document with the record and the secret fields for an API key', async () => {
    const r = await w.cli([
      '--json',
      'keys',
      'add',
      '--name',
      'feed',
      '--type',
      'api',
      '--expires',
      '2027-01-31T12:00:00Z',
      '--role',
      'Data Ingestion',
    ]);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectRecordShape(doc);
    const cred = expectSecretFields(doc);
    expect(doc).toMatchObject({
      name: 'feed',
      type: 'api',
      status: 'ACTIVE',
      non_deletable: false,
      key_expired: false,
      expiry_enum: EXPIRY_ENUM.CUSTOM,
      expiry_time: '2027-01-31T12:00:00Z',
      rotation: { never_rotate: false, rotation_period: 30, grace_period: 15 },
    });
    expect(r.stderr).toContain('expires 2027-01-31T12:00:00Z');
    expect(await w.loginStatus(cred)).toBe(200);
  });

  it('warns about never, and JSON says expiry_time null', async () => {
    const r = await w.cli(['--json', 'keys', 'add', 'forever', '--expires', 'never']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.expiry_time).toBeNull();
    expect(doc.expiry_enum).toBe(EXPIRY_ENUM.NEVER);
    expect(r.stderr).toMatch(/warning: a key that never expires is not recommended/);
    expect(r.stderr).toContain('it never expires');
  });

  it('keeps an exact time for a duration that is not a day preset', async () => {
    const r = await w.cli(['--json', 'keys', 'add', 'half-day', '--expires', '12h']);
    expect(r.exitCode).toBe(0);
    const at = formatWireSeconds(new Date(w.now().getTime() + 12 * 3_600_000));
    expect(JSON.parse(r.stdout)).toMatchObject({
      expiry_enum: EXPIRY_ENUM.CUSTOM,
      expiry_time: `${at}Z`,
    });
  });

  it('creates a user-level key for another user with --user', async () => {
    const r = await w.cli([
      '--json',
      'keys',
      'add',
      'bob-ci',
      '--user',
      BOB_USER_ID,
      '--expires',
      '60d',
    ]);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ type: 'user', owner_user_id: BOB_USER_ID, expiry_enum: '60 days' });
    expectSecretFields(doc);
    // Bob now holds 2 keys: the service refuses a third, with its own words (exit 6).
    const third = await w.cli(['keys', 'add', 'bob-3', '--user', BOB_USER_ID, '--expires', '1d']);
    expect(third.exitCode).toBe(6);
    expect(third.stderr).toContain('error: User access key limit (2) reached');
    expect(third.stderr).toContain('hint: ');
  });

  it('refuses groups and roles with --user, before creating anything', async () => {
    const before = (await w.keys()).length;
    const r = await w.cli([
      'keys',
      'add',
      'x',
      '--user',
      BOB_USER_ID,
      '--expires',
      '1d',
      '--group',
      'Ingestion',
    ]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(
      /error: --user creates a user-level key: .*--group and --role cannot be used/,
    );
    expect((await w.keys()).length).toBe(before);
  });

  it('refuses an unknown group with the known ones as a hint; nothing is created', async () => {
    const before = (await w.keys()).length;
    const r = await w.cli(['keys', 'add', 'x', '--expires', '1d', '--group', 'Nope']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error: unknown group "Nope"');
    expect(r.stderr).toMatch(/hint: groups: .*Ingestion/);
    expect((await w.keys()).length).toBe(before);
  });
});

describe('keys add --dry-run', () => {
  it('prints the validated plan and creates nothing (table)', async () => {
    const before = (await w.keys()).length;
    const r = await w.cli(
      [
        'keys',
        'add',
        'planned',
        '--expires',
        '2027-01-31',
        '--group',
        'Auditors',
        '--role',
        'Viewer',
        '--dry-run',
      ],
      { tty: { stdoutTTY: true } },
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('dry run: would create the access key "planned"');
    expect(r.stderr).toContain('expires:     2027-01-31T23:59:59Z');
    expect(r.stderr).toContain('groups:      Auditors');
    expect(r.stderr).toContain('roles:       Viewer');
    expect(r.stderr).toContain('owner:       the tenant (POST /ims/api/v1/access_keys)');
    expect((await w.keys()).length).toBe(before);
  });

  it('prints the plan as one JSON document (user-level key), with the keys the user holds', async () => {
    const before = (await w.keys()).length;
    const r = await w.cli([
      '--json',
      'keys',
      'add',
      'p2',
      '--user',
      CAROL_USER_ID,
      '--expires',
      'never',
      '--dry-run',
    ]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      dry_run: true,
      action: 'create',
      name: 'p2',
      description: null,
      type: 'user',
      expiry_enum: EXPIRY_ENUM.NEVER,
      expiry_time: null,
      groups: [],
      roles: [],
      owner: { kind: 'user', user_id: CAROL_USER_ID, self: false, keys_held: 0 },
      method: 'POST',
      path: `/ims/api/v1/users/${CAROL_USER_ID}/access_keys`,
    });
    expect((await w.keys()).length).toBe(before);
  });

  it('checks the owner as the create would: a full user is exit 6, an unknown one exit 5', async () => {
    const before = (await w.keys()).length;
    const add = ['keys', 'add', 'p3', '--expires', '1d', '--dry-run', '--user'];
    // Bob holds 2 keys by now (the --user test above).
    const full = await w.cli([...add, BOB_USER_ID]);
    expect(full.exitCode).toBe(6);
    expect(full.stderr).toContain(
      `error: user ${BOB_USER_ID} already has 2 user-level keys (the limit is 2): the create would be refused`,
    );
    expect(full.stderr).toContain('hint: a person may hold 2 user-level keys');
    const unknown = await w.cli([...add, '100000000009999']);
    expect(unknown.exitCode).toBe(5);
    expect(unknown.stderr).toMatch(/^error: .*100000000009999/m);
    const text = await w.cli([...add, CAROL_USER_ID], { tty: { stdoutTTY: true } });
    expect(text.exitCode).toBe(0);
    expect(text.stderr).toContain('user keys:   0 of 2 held before this one');
    expect((await w.keys()).length).toBe(before);
  });
});

describe('keys add without a terminal', () => {
  it('needs --name (exit 8) and sends nothing', async () => {
    const requests = w.emu.logs.length;
    const r = await w.cli(['keys', 'add', '--expires', '30d']);
    expect(r.exitCode).toBe(8);
    expect(r.stderr).toMatch(/^error: a key name is required: pass --name/);
    expect(w.emu.logs.length).toBe(requests);
  });

  it('needs --expires (exit 8), also in JSON mode, with the JSON error envelope', async () => {
    const r = await w.cli(['--json', 'keys', 'add', 'no-expiry']);
    expect(r.exitCode).toBe(8);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: an expiry is required: pass --expires');
    expect(r.stderr).toContain('"exit_code":8');
  });

  it('refuses a bad or past expiry and a bad name (exit 2)', async () => {
    expect((await w.cli(['keys', 'add', 'x', '--expires', 'soon'])).exitCode).toBe(2);
    const past = await w.cli(['keys', 'add', 'x', '--expires', '2020-01-01']);
    expect(past.exitCode).toBe(2);
    expect(past.stderr).toContain('is not in the future');
    const bad = await w.cli(['keys', 'add', 'a\u001b[31mb', '--expires', '1d']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('key name contains a control character (U+001B)');
  });
});

describe('keys add as a plain user (bob)', () => {
  it("creates bob's own user-level key; the third one is refused by the service (exit 6)", async () => {
    const world = await startWorld();
    try {
      const r = await world.cli(['--json', 'keys', 'add', 'bob-two', '--expires', '30d'], {
        as: BOB,
      });
      expect(r.exitCode).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc).toMatchObject({ type: 'user', owner_user_id: BOB_USER_ID, name: 'bob-two' });
      expect(r.stderr).toContain('creating your own user-level key');
      expect(await world.loginStatus(expectSecretFields(doc))).toBe(200);
      const before = (await world.keys()).length;
      const third = await world.cli(['--json', 'keys', 'add', 'bob-3', '--expires', '30d'], {
        as: BOB,
      });
      expect(third.exitCode).toBe(6);
      expect(third.stdout).toBe('');
      expect(third.stderr).toContain('error: User access key limit (2) reached');
      const envelope = JSON.parse(third.stderr.split('\n').find((l) => l.startsWith('{')) ?? '');
      expect(envelope.error).toMatchObject({ status: 400, exit_code: 6 });
      expect((await world.keys()).length).toBe(before);
    } finally {
      await world.close();
    }
  });

  it('refuses groups (exit 2) and API keys (exit 4) for a non-administrator', async () => {
    const g = await w.cli(['keys', 'add', 'x', '--expires', '1d', '--role', 'Viewer'], { as: BOB });
    expect(g.exitCode).toBe(2);
    expect(g.stderr).toContain('you are not a tenant administrator');
    const api = await w.cli(['keys', 'add', 'x', '--expires', '1d', '--type', 'api'], { as: BOB });
    expect(api.exitCode).toBe(4);
    expect(api.stderr).toContain('only tenant administrators can create API keys');
  });

  it("refuses another user's id with --user (exit 4)", async () => {
    const r = await w.cli(['keys', 'add', 'x', '--expires', '1d', '--user', '100000000000003'], {
      as: BOB,
    });
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain("only tenant administrators can create another user's key");
  });
});

it('names the access key it created in the success line', async () => {
  const r = await w.cli(['keys', 'add', 'line', '--expires', '1d']);
  const key = /\(([A-Z0-9]{30})\)/.exec(r.stderr)?.[1];
  expect(key).toMatch(ACCESS_KEY);
  expect(plain(r.stdout)).toContain(`Access key:  ${key}`);
});
