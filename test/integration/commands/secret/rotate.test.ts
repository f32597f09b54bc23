import { describe, expect, it } from 'vitest';
import { formatCredential } from '../../../../src/core/credential.js';
import {
  ADMIN,
  BOB,
  boxCredential,
  expectRecordShape,
  expectSecretFields,
  INGEST,
  ONBOARD,
  PLAIN,
  startWorld,
  TENANT,
  useWorld,
} from './world.js';

const DAY = 86_400_000;
const w = useWorld();

describe('keys rotate: access and user-level keys', () => {
  it('gives an access key a new secret; the old one is refused at login at once', async () => {
    const r = await w.cli(['keys', 'rotate', 'acme-plain']);
    expect(r.exitCode).toBe(0);
    const cred = boxCredential(r.stdout);
    expect(cred.accessKey).toBe(PLAIN.accessKey);
    expect(cred.secretKey).not.toBe(PLAIN.secretKey);
    expect(r.stderr).toContain('the previous secret no longer works');
    expect(await w.loginStatus(PLAIN)).toBe(401);
    expect(await w.loginStatus(cred)).toBe(200);
  });

  it("rotates bob's own user-level key as bob, with a JSON document", async () => {
    const r = await w.cli(['--json', 'keys', 'rotate', BOB.accessKey], { as: BOB });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectRecordShape(doc);
    expect(doc).toMatchObject({ name: 'bob-laptop', type: 'user', access_key: BOB.accessKey });
    const cred = expectSecretFields(doc);
    expect(await w.loginStatus(BOB)).toBe(401);
    expect(await w.loginStatus(cred)).toBe(200);
  });

  it('--dry-run changes nothing and says what would happen', async () => {
    const world = await startWorld();
    try {
      const r = await world.cli(['--json', 'keys', 'rotate', 'acme-plain', '--dry-run']);
      expect(r.exitCode).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc).toMatchObject({
        dry_run: true,
        action: 'regenerate_secret',
        method: 'POST',
        path: `/ims/api/v1/access_keys/${PLAIN.accessKey}/secret`,
      });
      expect(doc.key.access_key).toBe(PLAIN.accessKey);
      expect(doc.effect).toContain('stops working at once');
      expect(await world.loginStatus(PLAIN)).toBe(200);
      const human = await world.cli(['keys', 'rotate', 'ingest', '--dry-run']);
      expect(human.stderr).toContain('dry run: would rotate "ingest"');
      expect(human.stderr).toContain('keeps working for 15 days');
      expect(await world.loginStatus(INGEST)).toBe(200);
    } finally {
      await world.close();
    }
  });
});

describe('keys rotate: API keys', () => {
  it('makes a new access key; the old one works through the grace period, then not', async () => {
    const world = await startWorld();
    try {
      const r = await world.cli(['--json', 'keys', 'rotate', 'ingest']);
      expect(r.exitCode).toBe(0);
      const doc = JSON.parse(r.stdout);
      const cred = expectSecretFields(doc);
      expect(cred.accessKey).not.toBe(INGEST.accessKey);
      const rotatedAt = world.now();
      expect(doc.rotation).toMatchObject({ old_rotation_key: INGEST.accessKey, grace_period: 15 });
      expect(doc.old_access_key).toBe(INGEST.accessKey);
      const until = new Date(rotatedAt.getTime() + 15 * DAY).toISOString().slice(0, 19);
      expect(doc.old_valid_until).toBe(`${until}Z`);
      expect(r.stderr).toContain(`keeps working until ${until}Z`);
      expect(await world.loginStatus(INGEST)).toBe(200);
      expect(await world.loginStatus(cred)).toBe(200);
      await world.emu.advance(15 * 86_400 + 1);
      expect(await world.loginStatus(INGEST)).toBe(401);
      expect(await world.loginStatus(cred)).toBe(200);
    } finally {
      await world.close();
    }
  });

  it("--grace on an API key says the service's own grace applies; --verify tries the new key", async () => {
    const world = await startWorld();
    try {
      const r = await world.cli(['keys', 'rotate', INGEST.accessKey, '--grace', '2h', '--verify']);
      expect(r.exitCode).toBe(0);
      expect(r.stderr).toContain("API keys rotate with the service's own grace period (15 days)");
      expect(r.stderr).toContain('logged in with the new key');
      expect(boxCredential(r.stdout).accessKey).not.toBe(INGEST.accessKey);
    } finally {
      await world.close();
    }
  });
});

describe('keys rotate: BHOM-managed keys', () => {
  it('refuses a <tenant id>@ name before sending any request (exit 6)', async () => {
    const requests = w.emu.logs.length;
    const r = await w.cli(['keys', 'rotate', '1000000001@1700000000000']);
    expect(r.exitCode).toBe(6);
    expect(r.stderr).toContain(
      'error: key "1000000001@1700000000000" is managed by BMC Helix Operations Management (its name starts with "1000000001@"): it must never get a new secret',
    );
    expect(w.emu.logs.length).toBe(requests);
    expect(await w.loginStatus(ONBOARD)).toBe(200);
  });

  it('refuses it by access key too, with --grace and without a tenant in the credential', async () => {
    const r = await w.cli(['--json', 'keys', 'rotate', ONBOARD.accessKey, '--grace', '1h'], {
      env: {
        HELIX_CREDENTIAL: undefined,
        HELIX_ACCESS_KEY: ADMIN.accessKey,
        HELIX_SECRET_KEY: ADMIN.secretKey,
      },
    });
    expect(r.exitCode).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`(its name starts with "${TENANT}@")`);
    expect(await w.loginStatus(ONBOARD)).toBe(200);
  });
});

describe('keys rotate: usage', () => {
  it.each([
    [['--all'], 'keys rotate --all needs somewhere to put the new secrets'],
    [['acme-plain', '--verify'], '--verify goes with --grace'],
    [['acme-plain', '--name', 'x*'], '--name goes with --all'],
    [['acme-plain', '--secret-dir', '/tmp'], '--secret-dir goes with --all'],
  ])('%j is a usage error', async (args, message) => {
    const r = await w.cli(['keys', 'rotate', ...args]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`error: ${message}`);
  });

  it('no key without a terminal is exit 8 naming the argument', async () => {
    const r = await w.cli(['keys', 'rotate']);
    expect(r.exitCode).toBe(8);
    expect(r.stderr).toContain(
      'error: the key to rotate is required: pass <key> (or --all with filters)',
    );
  });

  it('an unknown key is exit 5', async () => {
    const r = await w.cli(['keys', 'rotate', 'no-such-key']);
    expect(r.exitCode).toBe(5);
  });
});

it('the copy-format credential of a rotated key is what --json reports', async () => {
  const r = await w.cli(['--json', 'keys', 'rotate', 'acme-auditor']);
  const doc = JSON.parse(r.stdout);
  expect(doc.credential).toBe(
    formatCredential({
      accessKey: doc.access_key,
      secretKey: doc.access_secret_key,
      tenantId: TENANT,
    }),
  );
});
