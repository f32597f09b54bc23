import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli.js';
import {
  loginStatus,
  ROTATION_POST,
  type Row,
  rowsByName,
  seededCredential,
  useRotateAllScene,
} from './bulk-fixture.js';

/** `keys rotate --all` in process, against the seeded emulator behind the fault proxy. */

const { emu, proxy, box, env } = useRotateAllScene();
const plain = seededCredential;

describe('keys rotate --all with JSON on stdout as the sink', () => {
  it('rotates every key, skips the <tenant id>@ key, and carries each new secret', async () => {
    const result = await runCli(['keys', 'rotate', '--all', '--json'], { env: env() });
    expect(result.exitCode).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    const byName = new Map(rows.map((r) => [r.name, r]));
    const onboard = byName.get('1000000001@1700000000000');
    expect(onboard).toMatchObject({ result: 'skipped', rotated: false });
    expect(onboard?.reason).toContain('1000000001@');
    expect(onboard?.credential).toBeUndefined();
    // The caller's own key comes last, so the session outlives every other rotation.
    expect(rows.at(-1)?.name).toBe('acme-admin');
    for (const name of ['acme-plain', 'bob-laptop', 'ingest', 'acme-auditor', 'acme-admin']) {
      const row = byName.get(name) as Row;
      expect(row).toMatchObject({ result: 'rotated', rotated: true, tenant_id: '1000000001' });
      expect(row.secret_delivered_to).toEqual(['stdout']);
      expect(await loginStatus(emu.url, row.credential as string)).toBe(200);
    }
    // Access keys: same access key, old secret dead at once. API keys: new access key, old one in grace.
    expect(byName.get('acme-plain')?.new_access_key).toBeUndefined();
    expect(await loginStatus(emu.url, plain('ACMEPLAIN000000000000000000000'))).toBe(401);
    const ingest = byName.get('ingest') as Row;
    expect(ingest.new_access_key).toMatch(/^[A-Z0-9]{30}$/);
    expect(ingest.new_access_key).not.toBe('ACMEINGEST00000000000000000000');
    expect(await loginStatus(emu.url, plain('ACMEINGEST00000000000000000000'))).toBe(200);
    expect(result.stderr).toMatch(/rotated 7 of 8 keys, 1 skipped/);
    expect(proxy.count('POST', ROTATION_POST)).toBe(7);
  });

  it('streams one object a line with -o ndjson', async () => {
    const args = ['-o', 'ndjson', 'keys', 'rotate', '--all', '--name', 'acme-p*'];
    const result = await runCli(args, { env: env() });
    expect(result.exitCode).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Row);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ name: 'acme-plain', result: 'rotated' });
    expect(await loginStatus(emu.url, lines[0]?.credential as string)).toBe(200);
  });

  it('filters like keys list: --type api rotates only the API key', async () => {
    const result = await runCli(['keys', 'rotate', '--all', '--type', 'api', '--json'], {
      env: env(),
    });
    expect(result.exitCode).toBe(0);
    const rows = rowsByName(result.stdout);
    expect([...rows.keys()].sort()).toEqual(['1000000001@1700000000000', 'ingest']);
    expect(proxy.count('POST', ROTATION_POST)).toBe(1);
    // One listing, then one POST a key: no per-key GET.
    expect(proxy.count('GET', /^\/ims\/api\/v1\/access_keys\/.+/)).toBe(0);
  });

  it('prints an empty array and exits 0 when nothing matches', async () => {
    const args = ['keys', 'rotate', '--all', '--name', 'nothing-*', '--json'];
    const result = await runCli(args, { env: env() });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});

describe('keys rotate --all refuses before changing anything', () => {
  const cases: [string, string[], RegExp][] = [
    ['no sink in human mode', [], /needs somewhere to put the new secrets/],
    ['a key and --all', ['acme-plain'], /one key or --all, not both/],
    ['--grace', ['--grace', '1d'], /--grace works on one key at a time/],
    ['--verify', ['--verify', '--json'], /--verify goes with --grace/],
    ['--secret-file', ['--secret-file', '/tmp/x.cred'], /--secret-file holds one key/],
    ['--copy', ['--copy', '--json'], /clipboard holds one secret/],
    ['a missing --exec command', ['--exec'], /command not found: no-such-cmd-xyz/],
  ];
  for (const [what, extra, message] of cases) {
    it(`exits 2 for ${what}`, async () => {
      const argv = ['keys', 'rotate', '--all', ...extra];
      if (extra.includes('--exec')) argv.push('--', 'no-such-cmd-xyz');
      const result = await runCli(argv, { env: env() });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
      expect(proxy.count('POST', ROTATION_POST)).toBe(0);
      expect(await loginStatus(emu.url, plain('ACMEPLAIN000000000000000000000'))).toBe(200);
    });
  }

  it('names --secret-dir, --exec and --json in the hint', async () => {
    const result = await runCli(['keys', 'rotate', '--all', '-o', 'table'], { env: env() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/hint: .*--secret-dir.*--exec.*--json/);
  });
});

describe('keys rotate --all --dry-run', () => {
  it('lists what would be rotated as one JSON document and changes nothing', async () => {
    const args = ['keys', 'rotate', '--all', '--dry-run', '--json', '--name', '*e*'];
    const result = await runCli(args, { env: env() });
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ dry_run: true, action: 'rotate' });
    const actions = Object.fromEntries(
      doc.keys.map((k: { name: string; action: string }) => [k.name, k.action]),
    );
    expect(actions).toMatchObject({ ingest: 'rotate', 'old-expired': 'rotate' });
    expect(proxy.count('POST', ROTATION_POST)).toBe(0);
    expect(await loginStatus(emu.url, plain('ACMEINGEST00000000000000000000'))).toBe(200);
  });

  it('says it in words on stderr in human mode, with the files it would write', async () => {
    const args = ['keys', 'rotate', '--all', '--dry-run', '--name', 'acme-p*'];
    const result = await runCli([...args, '--secret-dir', `${box.home}/never`], { env: env() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/dry run: would rotate 1 key; nothing was changed/);
    expect(result.stderr).toContain(
      `rotate acme-plain  ACMEPLAIN000000000000000000000 -> ${box.home}/never/acme-plain.cred`,
    );
    expect(proxy.count('POST', ROTATION_POST)).toBe(0);
  });
});
