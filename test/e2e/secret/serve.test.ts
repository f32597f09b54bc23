import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCredential, parseCredential } from '../../../src/core/credential.js';
import {
  ADMIN,
  BOB,
  expectRecordShape,
  expectSecretFields,
  INGEST,
  ONBOARD,
  PLAIN,
  TENANT,
} from '../../integration/commands/secret/world.js';
import { type Served, startServed } from './served.js';

// The built binary against `helixctl serve`, as scripts and CI run it (stdout is a pipe).
let s: Served;
beforeAll(async () => {
  s = await startServed();
});
afterAll(async () => s?.stop());

describe('helixctl keys add (spawned)', () => {
  it('prints the human box when stdout is a pipe and nothing else takes the secret', async () => {
    const r = await s.cli(
      ['keys', 'add', 'e2e-human', '--expires', '7d', '--group', 'Ingestion'],
      ADMIN,
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('New access key: e2e-human');
    const credential = /Credential:\s+(\S+,tenant id:\d+)/.exec(r.stdout)?.[1] ?? '';
    expect(await s.loginStatus(parseCredential(credential) as typeof ADMIN)).toBe(200);
    expect(r.stderr).toMatch(
      /created access key "e2e-human" \([A-Z0-9]{30}\); it expires \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/,
    );
  });

  it('prints one JSON document, validated field by field', async () => {
    const r = await s.cli(
      ['--json', 'keys', 'add', 'e2e-json', '--description', 'd', '--expires', 'never'],
      ADMIN,
    );
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectRecordShape(doc);
    expect(doc).toMatchObject({
      name: 'e2e-json',
      description: 'd',
      type: 'access',
      expiry_time: null,
    });
    expect(await s.loginStatus(expectSecretFields(doc))).toBe(200);
  });

  it("refuses bob's third key (exit 6) with the service's words", async () => {
    const second = await s.cli(['keys', 'add', 'bob-2', '--expires', '30d'], BOB);
    expect(second.exitCode).toBe(0);
    const third = await s.cli(['keys', 'add', 'bob-3', '--expires', '30d'], BOB);
    expect(third.exitCode).toBe(6);
    expect(third.stderr).toContain('error: User access key limit (2) reached');
    expect(third.stdout).toBe('');
  });

  it('without a terminal a missing name is exit 8', async () => {
    const r = await s.cli(['keys', 'add', '--expires', '1d'], ADMIN);
    expect(r.exitCode).toBe(8);
    expect(r.stderr).toContain('pass --name');
  });
});

describe('helixctl keys rotate (spawned)', () => {
  it('access key: the old secret is refused after, the new one works', async () => {
    const r = await s.cli(['--json', 'keys', 'rotate', 'acme-plain'], ADMIN);
    expect(r.exitCode).toBe(0);
    const cred = expectSecretFields(JSON.parse(r.stdout));
    expect(cred.accessKey).toBe(PLAIN.accessKey);
    expect(await s.loginStatus(PLAIN)).toBe(401);
    expect(await s.loginStatus(cred)).toBe(200);
  });

  it('API key: the old access key works within the grace period', async () => {
    const r = await s.cli(['--json', 'keys', 'rotate', 'ingest'], ADMIN);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    const cred = expectSecretFields(doc);
    expect(doc.old_access_key).toBe(INGEST.accessKey);
    expect(await s.loginStatus(INGEST)).toBe(200);
    expect(await s.loginStatus(cred)).toBe(200);
  });

  it('<tenant id>@ keys are refused (exit 6)', async () => {
    const r = await s.cli(['keys', 'rotate', ONBOARD.accessKey], ADMIN);
    expect(r.exitCode).toBe(6);
    expect(r.stderr).toContain('managed by BMC Helix Operations Management');
    expect(await s.loginStatus(ONBOARD)).toBe(200);
  });

  it('--grace --verify: a new key, verified, the old one set to expire', async () => {
    const r = await s.cli(
      ['--json', 'keys', 'rotate', 'acme-auditor', '--grace', '1h', '--verify'],
      ADMIN,
    );
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ verified: true, rolled_back: false });
    expect(doc.old.expiry_time).toBe(doc.old_expires_at);
    expect(await s.loginStatus(expectSecretFields(doc.new))).toBe(200);
  });
});

describe('helixctl sinks (spawned)', () => {
  it('--exec: the child sees HELIX_* and our stdout holds nothing secret', async () => {
    const seen = join(s.box.home, 'seen.json');
    const script =
      "require('node:fs').writeFileSync(process.argv[1],JSON.stringify({ak:process.env.HELIX_ACCESS_KEY,sk:process.env.HELIX_SECRET_KEY,t:process.env.HELIX_TENANT_ID,c:process.env.HELIX_CREDENTIAL}))";
    const r = await s.cli(
      [
        'keys',
        'add',
        'e2e-exec',
        '--expires',
        '1d',
        '--exec',
        '--',
        process.execPath,
        '-e',
        script,
        seen,
      ],
      ADMIN,
    );
    expect(r.exitCode).toBe(0);
    const env = JSON.parse(readFileSync(seen, 'utf8'));
    expect(env.c).toBe(
      formatCredential({ accessKey: env.ak, secretKey: env.sk, tenantId: TENANT }),
    );
    expect(r.stdout).not.toContain(env.sk);
    expect(r.stderr).not.toContain(env.sk);
    expect(await s.loginStatus({ accessKey: env.ak, secretKey: env.sk, tenantId: env.t })).toBe(
      200,
    );
  });

  it('--secret-file: 0600, and refuses to overwrite without --force', async () => {
    const path = join(s.box.home, 'rot.cred');
    expect((await s.cli(['keys', 'add', 'e2e-rot', '--expires', '1d'], ADMIN)).exitCode).toBe(0);
    const r = await s.cli(['keys', 'rotate', 'e2e-rot', '--secret-file', path], ADMIN);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const cred = parseCredential(readFileSync(path, 'utf8')) as typeof ADMIN;
    expect(await s.loginStatus(cred)).toBe(200);
    writeFileSync(path, 'x\n');
    const again = await s.cli(['keys', 'rotate', 'e2e-rot', '--secret-file', path], ADMIN);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(await s.loginStatus(cred)).toBe(200);
    expect(readFileSync(path, 'utf8')).toBe('x\n');
  });
});

describe('helixctl keys copy --print (spawned)', () => {
  // execa strips the one final newline; anything else after the credential would show.
  it('prints the three forms', async () => {
    const own = await s.cli(['keys', 'copy', '--print'], BOB);
    expect(own.stdout).toBe(formatCredential(BOB));
    const given = await s.cli(
      ['keys', 'copy', 'ACMEAUDITOR0000000000000000000', '--secret-stdin', '--print'],
      ADMIN,
      {
        input: 'Secret0AcmeAuditorxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n',
      },
    );
    expect(given.stdout).toBe(
      `key:ACMEAUDITOR0000000000000000000::Secret0AcmeAuditorxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,tenant id:${TENANT}`,
    );
    const stored = await s.cli(['keys', 'copy', 'bob-laptop', '--print'], BOB);
    expect(stored.exitCode).toBe(0);
    expect(stored.stdout).toMatch(
      /^key:BOBLAPTOP000000000000000000000::\$sha256\$\S+,tenant id:1000000001$/,
    );
    expect(stored.stderr).toContain('stored one-way form');
  });
});
