import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli.js';
import { FAULTS } from '../../../helpers/fault-proxy.js';
import {
  ACME_ADMIN,
  loginStatus,
  ROTATION_POST,
  rowsByName,
  seededCredential,
  useRotateAllScene,
} from './bulk-fixture.js';

/** Where `rotate --all` puts secrets, what happens when a rotation or a delivery fails. */

const PLAIN = 'ACMEPLAIN000000000000000000000';
const AUDITOR = 'ACMEAUDITOR0000000000000000000';
const { emu, proxy, box, env } = useRotateAllScene();
const old = seededCredential;
const rotateArgs = (...extra: string[]) => ['keys', 'rotate', '--all', ...extra];

describe('--secret-dir', () => {
  it('writes one 0600 file per key in a 0700 folder, named after the key', async () => {
    const dir = join(box.home, 'secrets');
    const args = rotateArgs('--name', 'acme-*', '--type', 'access', '--secret-dir', dir, '--json');
    const result = await runCli(args, { env: env() });
    expect(result.exitCode).toBe(0);
    const rows = rowsByName(result.stdout);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir).sort()).toEqual([
      'acme-admin.cred',
      'acme-auditor.cred',
      'acme-plain.cred',
    ]);
    for (const [name, row] of rows) {
      const file = join(dir, `${name}.cred`);
      expect(row.secret_file).toBe(file);
      expect(row.access_secret_key).toBeUndefined();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(await loginStatus(emu.url, readFileSync(file, 'utf8').trim())).toBe(200);
    }
    expect(await loginStatus(emu.url, old(PLAIN))).toBe(401);
  });

  it('names an API key file after the key name, though its access key changes', async () => {
    const dir = join(box.home, 'api');
    const result = await runCli(rotateArgs('--name', 'ingest', '--secret-dir', dir, '--json'), {
      env: env(),
    });
    expect(result.exitCode).toBe(0);
    const row = rowsByName(result.stdout).get('ingest');
    expect(row?.secret_file).toBe(join(dir, 'ingest.cred'));
    expect(readFileSync(join(dir, 'ingest.cred'), 'utf8')).toContain(
      `key:${row?.new_access_key}::`,
    );
  });

  it('refuses to overwrite last run files before rotating anything; --force overwrites', async () => {
    const dir = join(box.home, 'again');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'acme-plain.cred'), 'old\n', { mode: 0o600 });
    const args = rotateArgs('--name', 'acme-p*', '--secret-dir', dir);
    const refused = await runCli(args, { env: env() });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/refusing to overwrite .*acme-plain\.cred: pass --force/);
    expect(proxy.count('POST', ROTATION_POST)).toBe(0);
    expect(await loginStatus(emu.url, old(PLAIN))).toBe(200);
    const forced = await runCli([...args, '--force'], { env: env() });
    expect(forced.exitCode).toBe(0);
    expect(await loginStatus(emu.url, readFileSync(join(dir, 'acme-plain.cred'), 'utf8'))).toBe(
      200,
    );
  });

  it('prints a results table in table mode, secrets nowhere on stdout', async () => {
    const dir = join(box.home, 'table');
    const args = ['-o', 'table', ...rotateArgs('--name', 'acme-*', '--type', 'access')];
    const result = await runCli([...args, '--secret-dir', dir], { env: env() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/NAME\s+ACCESS KEY\s+RESULT\s+DETAIL/);
    expect(result.stdout).toMatch(
      /acme-plain\s+ACMEPLAIN0{21}\s+rotated\s+file .*acme-plain\.cred/,
    );
    expect(result.stdout).not.toMatch(/key:[A-Z0-9]{30}::/);
    expect(result.stderr).toMatch(/rotated 3 of 3 keys/);
  });
});

describe('failures', () => {
  it('exits 9 when some rotations fail, with per-key errors; the others are rotated', async () => {
    proxy.inject({
      method: 'POST',
      path: `/ims/api/v1/access_keys/${PLAIN}/secret`,
      fault: FAULTS.status(500),
    });
    const result = await runCli(rotateArgs('--name', 'acme-*', '--type', 'access', '--json'), {
      env: env(),
    });
    expect(result.exitCode).toBe(9);
    const rows = rowsByName(result.stdout);
    expect(rows.get('acme-plain')).toMatchObject({
      result: 'failed',
      rotated: false,
      error: { code: 'OUTCOME_UNKNOWN', exit_code: 7 },
    });
    expect(rows.get('acme-plain')?.credential).toBeUndefined();
    expect(rows.get('acme-plain')?.error?.hint).toContain(`helixctl keys show ${PLAIN}`);
    expect(rows.get('acme-auditor')?.result).toBe('rotated');
    expect(await loginStatus(emu.url, old(PLAIN))).toBe(200);
    expect(result.stderr).toMatch(/rotated 2 of 3 keys, 1 failed/);
  });

  it('exits with the common code when every key failed alike (403 -> 4)', async () => {
    proxy.inject({ method: 'POST', path: ROTATION_POST, fault: FAULTS.status(403) });
    const result = await runCli(rotateArgs('--name', 'acme-*', '--json'), { env: env() });
    expect(result.exitCode).toBe(4);
    expect([...rowsByName(result.stdout).values()].every((r) => r.result === 'failed')).toBe(true);
  });

  it('exits 9 when every key failed, for different reasons', async () => {
    const secret = (key: string) => `/ims/api/v1/access_keys/${key}/secret`;
    proxy.inject({ method: 'POST', path: secret(PLAIN), fault: FAULTS.status(403) });
    proxy.inject({ method: 'POST', path: secret(AUDITOR), fault: FAULTS.unavailable(1) });
    proxy.inject({ method: 'POST', path: secret(ACME_ADMIN.accessKey), fault: FAULTS.status(403) });
    const result = await runCli(rotateArgs('--name', 'acme-*', '--type', 'access', '--json'), {
      env: env(),
    });
    expect(result.exitCode).toBe(9);
    const rows = rowsByName(result.stdout);
    expect(rows.get('acme-auditor')?.error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      exit_code: 7,
    });
    expect(rows.get('acme-plain')?.error).toMatchObject({ code: 'FORBIDDEN', exit_code: 4 });
  });
});
