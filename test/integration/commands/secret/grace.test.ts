import { describe, expect, it } from 'vitest';
import { EXPIRY_ENUM } from '../../../../src/core/expiry-enum.js';
import { endOfUtcDay, formatWireSeconds, outputTimestamp } from '../../../../src/core/timestamp.js';
import { imsPaths } from '../../../../src/wire/paths.js';
import type { AccessKeyRecord } from '../../../../src/wire/types.js';
import {
  ADMIN,
  AUDITOR,
  BOB,
  BOB_USER_ID,
  boxCredential,
  expectRecordShape,
  expectSecretFields,
  useWorld,
} from './world.js';

const HOUR = 3_600_000;
const w = useWorld('test');

/** Creates a key through the CLI and returns its credential. */
async function addKey(args: string[]) {
  const r = await w.cli(['--json', 'keys', 'add', ...args]);
  expect(r.exitCode).toBe(0);
  return expectSecretFields(JSON.parse(r.stdout));
}

describe('keys rotate --grace', () => {
  it('clones name, description, groups, roles and a custom expiry; both keys log in', async () => {
    const old = await addKey([
      'svc',
      '--description',
      'service key',
      '--expires',
      '2027-01-31',
      '--group',
      'Ingestion',
      '--role',
      'Viewer',
    ]);
    const r = await w.cli(['keys', 'rotate', old.accessKey, '--grace', '2h']);
    expect(r.exitCode).toBe(0);
    const fresh = boxCredential(r.stdout);
    expect(r.stdout).toContain('Replacement key: svc');
    const until = formatWireSeconds(new Date(w.now().getTime() + 2 * HOUR));
    expect(r.stderr).toContain(`created "svc" (${fresh.accessKey}) to replace ${old.accessKey}`);
    expect(r.stderr).toContain(
      `the old key ${old.accessKey} is now "svc (retiring)" and stops working at ${until}Z (in 2 hours)`,
    );
    // The hand-over marks the old key in the service's own fields (README "Key lifecycle").
    expect(await w.key(old.accessKey)).toMatchObject({
      name: 'svc (retiring)',
      description: `[retiring until ${until}Z, replaced by ${fresh.accessKey}] service key`,
      expiry_enum: EXPIRY_ENUM.CUSTOM,
      expiry_time: until,
    });
    expect(await w.key(fresh.accessKey)).toMatchObject({
      name: 'svc',
      description: 'service key',
      type: 'TENANT',
      expiry_enum: EXPIRY_ENUM.CUSTOM,
      expiry_time: '2027-01-31T23:59:59',
    });
    expect((await w.groups(fresh.accessKey)).map((g) => g.name)).toEqual(['Ingestion']);
    expect((await w.roles(fresh.accessKey)).map((g) => g.name)).toEqual(['Viewer']);
    expect(await w.loginStatus(old)).toBe(200);
    expect(await w.loginStatus(fresh)).toBe(200);
    await w.emu.advance(2 * 3600 + 1);
    expect(await w.loginStatus(old)).toBe(401);
    expect(await w.loginStatus(fresh)).toBe(200);
  });

  it('--verify logs in with the new key; one JSON document reports both keys', async () => {
    const old = await addKey(['preset', '--expires', '30d']);
    const r = await w.cli(['--json', 'keys', 'rotate', old.accessKey, '--grace', '1d', '--verify']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual([
      'access_key',
      'name',
      'new',
      'old',
      'old_expires_at',
      'rolled_back',
      'verified',
    ]);
    const until = `${formatWireSeconds(new Date(w.now().getTime() + 24 * HOUR))}Z`;
    expect(doc).toMatchObject({ verified: true, rolled_back: false, old_expires_at: until });
    expectRecordShape(doc.old);
    expect(doc.old).toMatchObject({ access_key: old.accessKey, expiry_time: until });
    expectRecordShape(doc.new);
    const fresh = expectSecretFields(doc.new);
    // The result names the key to use from now on, as every single-key result does.
    expect({ name: doc.name, access_key: doc.access_key }).toEqual({
      name: 'preset',
      access_key: fresh.accessKey,
    });
    // A day preset is asked for again: the new key gets its 30 days from now.
    expect(doc.new).toMatchObject({
      name: 'preset',
      expiry_enum: EXPIRY_ENUM.DAYS_30,
      expiry_time: `${formatWireSeconds(endOfUtcDay(new Date(w.now().getTime() + 30 * 24 * HOUR)))}Z`,
    });
    expect(r.stderr).toContain('logged in with the new key');
    expect(await w.loginStatus(fresh)).toBe(200);
  });

  it('keeps never for a key that never expires', async () => {
    const old = await addKey(['eternal', '--expires', 'never']);
    const r = await w.cli(['--json', 'keys', 'rotate', old.accessKey, '--grace', '1h']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.new).toMatchObject({ expiry_enum: EXPIRY_ENUM.NEVER, expiry_time: null });
    expect(doc.verified).toBe(false);
  });

  it('never extends an old key that expires before the grace period ends', async () => {
    const old = await addKey(['short', '--expires', '1h']);
    const expiry = formatWireSeconds(new Date(w.now().getTime() + HOUR));
    const r = await w.cli(['--json', 'keys', 'rotate', old.accessKey, '--grace', '2d']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).old_expires_at).toBe(`${expiry}Z`);
    expect(r.stderr).toContain(`already expires at ${expiry}Z`);
    expect((await w.key(old.accessKey))?.expiry_time).toBe(expiry);
  });

  it("clones a user-level key as a key of the same owner (bob's, rotated by an administrator)", async () => {
    const r = await w.cli(['--json', 'keys', 'rotate', 'bob-laptop', '--grace', '1h', '--verify']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.new).toMatchObject({ type: 'user', owner_user_id: BOB_USER_ID, name: 'bob-laptop' });
    expect(doc.new.expiry_time).toBe('2030-06-30T23:59:59Z');
    expect(doc.verified).toBe(true);
    expect(await w.loginStatus(BOB)).toBe(200);
  });

  it('refuses a user-level key whose owner has no free slot, before creating anything (exit 6)', async () => {
    await addKey(['bob-second', '--user', BOB_USER_ID, '--expires', '30d']);
    const before = (await w.keys()).length;
    const r = await w.cli(['keys', 'rotate', BOB.accessKey, '--grace', '1h'], { as: BOB });
    expect(r.exitCode).toBe(6);
    expect(r.stderr).toContain(
      `error: user ${BOB_USER_ID} already has 2 user-level keys (the limit is 2): --grace needs a free slot for the new key`,
    );
    expect(r.stderr).toContain('hint: rotate without --grace');
    expect((await w.keys()).length).toBe(before);
    expect(await w.loginStatus(BOB)).toBe(200);
  });

  it.each([
    ['switched-off', 'is inactive'],
    ['old-expired', 'has expired'],
  ])('refuses %s (exit 6) and changes nothing', async (name, why) => {
    const before = (await w.keys()).length;
    const r = await w.cli(['keys', 'rotate', name, '--grace', '1h']);
    expect(r.exitCode).toBe(6);
    expect(r.stderr).toContain(why);
    expect((await w.keys()).length).toBe(before);
  });

  it('--dry-run shows the clone and the old expiry, and changes nothing', async () => {
    const before = await w.keys();
    const r = await w.cli([
      '--json',
      'keys',
      'rotate',
      'acme-auditor',
      '--grace',
      '1h',
      '--verify',
      '--dry-run',
    ]);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      dry_run: true,
      action: 'rotate_with_grace',
      verify: true,
      changes_old_expiry: true,
      old_expires_at: `${formatWireSeconds(new Date(w.now().getTime() + HOUR))}Z`,
      new_key: {
        name: 'acme-auditor',
        type: 'access',
        expiry_enum: EXPIRY_ENUM.NEVER,
        groups: [{ name: 'Auditors' }],
        roles: [],
        method: 'POST',
        path: '/ims/api/v1/access_keys',
      },
    });
    expect(await w.keys()).toEqual(before);
    const human = await w.cli(['keys', 'rotate', 'acme-auditor', '--grace', '1h', '--dry-run']);
    expect(human.stderr).toContain('dry run: would replace "acme-auditor"');
    expect(human.stderr).toContain('groups: Auditors; roles: -');
    expect(await w.keys()).toEqual(before);
  });
});

describe('keys rotate --grace: rollback', () => {
  it('deletes the new key and leaves the old one untouched when the new key cannot log in', async () => {
    // A real refusal: the service throttles logins from this address after 20 failures in
    // 60 s (docs/design.md §4). The CLI's own session comes from the token cache, so only
    // the verification login meets the throttle.
    const cache = { HELIXCTL_CACHE: '1' };
    expect(
      (await w.cli(['keys', 'rotate', 'acme-auditor', '--dry-run'], { env: cache })).exitCode,
    ).toBe(0);
    const token = await w.emu.login(ADMIN);
    const list = async (): Promise<AccessKeyRecord[]> =>
      (await w.emu.request('GET', `${imsPaths.keys}?size=1000`, { token })).body.records;
    const before = await list();
    for (let i = 0; i < 20; i += 1) {
      const accessKey = `NOSUCHKEY${String(i).padStart(21, '0')}`;
      expect(
        await w.loginStatus({ accessKey, secretKey: 'x'.repeat(50), tenantId: AUDITOR.tenantId }),
      ).toBe(401);
    }
    expect(await w.loginStatus(AUDITOR)).toBe(429);

    const r = await w.cli(
      ['--json', 'keys', 'rotate', 'acme-auditor', '--grace', '1h', '--verify'],
      { env: cache },
    );
    expect(r.exitCode).toBe(7);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ verified: false, rolled_back: true, old_expires_at: null });
    const oldBefore = before.find((k) => k.access_key === AUDITOR.accessKey);
    if (oldBefore === undefined) throw new Error('acme-auditor is missing');
    // The old key as printed: the service's record, type word and RFC 3339 UTC times.
    expect(doc.old).toEqual({
      ...oldBefore,
      type: 'access',
      created_date: outputTimestamp(oldBefore.created_date),
      ...(oldBefore.last_access ? { last_access: outputTimestamp(oldBefore.last_access) } : {}),
      expiry_time: null,
    });
    // Rolled back: the key to use is still the old one.
    expect(doc).toMatchObject({ name: 'acme-auditor', access_key: AUDITOR.accessKey });
    const fresh = expectSecretFields(doc.new);
    expect(r.stderr).toContain(`the secret delivered for it is void`);
    expect(r.stderr).toMatch(
      new RegExp(
        `error: the new key ${fresh.accessKey} could not log in \\(rate limited.*\\): it was deleted, and "acme-auditor" \\(${AUDITOR.accessKey}\\) is unchanged`,
      ),
    );
    expect(r.stderr).toContain('"code":"VERIFICATION_FAILED"');
    expect(await list()).toEqual(before);

    await w.emu.advance(61);
    expect(await w.loginStatus(AUDITOR)).toBe(200);
    expect(await w.loginStatus(fresh)).toBe(401);
  });

  it('deletes the new key when its delivery fails (an --exec hook that exits 3)', async () => {
    const before = await w.keys();
    const r = await w.cli([
      'keys',
      'rotate',
      'acme-auditor',
      '--grace',
      '1h',
      '--exec',
      '--',
      process.execPath,
      '-e',
      'process.exit(3)',
    ]);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toContain('the secret could not be delivered: the new key');
    expect(r.stderr).toContain('"acme-auditor" (ACMEAUDITOR0000000000000000000) is unchanged');
    expect(await w.keys()).toEqual(before);
    expect(await w.loginStatus(AUDITOR)).toBe(200);
  });
});
