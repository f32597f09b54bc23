import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../../src/cli/run.js';
import { runCli } from '../../../helpers/cli.js';
import { fakeIo } from '../../../helpers/fake-io.js';
import {
  loginStatus,
  ROTATION_POST,
  type Row,
  rowsByName,
  seededCredential,
  useRotateAllScene,
} from './bulk-fixture.js';

/** `rotate --all --exec`, delivery failures that fall back to stdout, and the confirmation. */

const PLAIN = 'ACMEPLAIN000000000000000000000';

/**
 * The --exec child: appends `<access key>\t<credential>` to argv[2]; exits 3 when its access
 * key is argv[3]; when argv[4] names a folder, replaces it with a plain file (so the next
 * --secret-dir write fails).
 */
const RECORDER = `
import { appendFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
const [out, failKey, swap] = process.argv.slice(2);
appendFileSync(out, process.env.HELIX_ACCESS_KEY + '\\t' + process.env.HELIX_CREDENTIAL + '\\n');
if (swap && statSync(swap, { throwIfNoEntry: false })?.isDirectory()) {
  renameSync(swap, swap + '.moved');
  writeFileSync(swap, 'not a folder');
}
process.exit(failKey && failKey === process.env.HELIX_ACCESS_KEY ? 3 : 0);
`;

const { emu, proxy, box, env } = useRotateAllScene();
let recorder: string;
let received: string;

beforeEach(() => {
  recorder = join(box.home, 'recorder.mjs');
  received = join(box.home, 'received.txt');
  writeFileSync(recorder, RECORDER);
});
const exec = (...args: string[]) => ['--exec', '--', process.execPath, recorder, received, ...args];
const lines = () =>
  existsSync(received)
    ? readFileSync(received, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('\t'))
    : [];

describe('--exec', () => {
  it('runs the command once per key with that key credential, and prints no secret', async () => {
    const argv = ['keys', 'rotate', '--all', '--name', 'acme-*', '--json', ...exec()];
    const result = await runCli(argv, { env: env() });
    expect(result.exitCode).toBe(0);
    const rows = rowsByName(result.stdout);
    const got = lines();
    expect(got.map(([key]) => key).sort()).toEqual(
      [...rows.values()].map((r) => r.access_key).sort(),
    );
    for (const [, credential] of got) {
      expect(await loginStatus(emu.url, credential as string)).toBe(200);
      const secret = /::(\w+),/.exec(credential as string)?.[1] as string;
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
    }
    for (const row of rows.values()) {
      expect(row.secret_delivered_to).toEqual([`exec:${process.execPath}`]);
      expect(row.credential).toBeUndefined();
    }
  });

  it('marks the key whose command failed as failed (rotated), and exits 9', async () => {
    const argv = ['keys', 'rotate', '--all', '--name', 'acme-*', '--json', ...exec(PLAIN)];
    const result = await runCli(argv, { env: env() });
    expect(result.exitCode).toBe(9);
    const plain = rowsByName(result.stdout).get('acme-plain') as Row;
    expect(plain).toMatchObject({
      result: 'failed',
      rotated: true,
      error: { code: 'EXEC_FAILED' },
    });
    expect(plain.error?.message).toMatch(/rotated, but .* exited with code 3/);
    // The child received the secret: it is not printed as well.
    expect(plain.credential).toBeUndefined();
    expect(rowsByName(result.stdout).get('acme-auditor')?.result).toBe('rotated');
  });
});

describe('a sink that fails after the rotation', () => {
  it('prints the secret on stdout instead, so that it is never lost (JSON)', async () => {
    const dir = join(box.home, 'dir');
    const argv = ['keys', 'rotate', '--all', '--name', 'acme-*', '--concurrency', '1', '--json'];
    const result = await runCli([...argv, '--secret-dir', dir, ...exec('', dir)], { env: env() });
    expect(result.exitCode).toBe(9);
    const rows = [...rowsByName(result.stdout).values()];
    const filed = rows.filter((r) => r.secret_file !== undefined);
    const fallen = rows.filter((r) => r.error?.code === 'DELIVERY_FAILED');
    expect(filed).toHaveLength(1);
    expect(fallen).toHaveLength(rows.length - 1);
    expect(statSync(`${dir}.moved/${filed[0]?.name}.cred`).mode & 0o777).toBe(0o600);
    for (const row of fallen) {
      expect(row).toMatchObject({ result: 'failed', rotated: true });
      expect(row.error?.message).toMatch(/rotated, but the secret file was not written/);
      expect(row.secret_delivered_to).toContain('stdout');
      expect(await loginStatus(emu.url, row.credential as string)).toBe(200);
    }
  });

  it('prints the secret on stdout at once in table mode', async () => {
    const dir = join(box.home, 'dir');
    const argv = [
      '-o',
      'table',
      'keys',
      'rotate',
      '--all',
      '--name',
      'acme-*',
      '--concurrency',
      '1',
    ];
    const result = await runCli([...argv, '--secret-dir', dir, ...exec('', dir)], { env: env() });
    expect(result.exitCode).toBe(9);
    const printed = [
      ...result.stdout.matchAll(/^(\S+) \(([A-Z0-9]{30})\): (key:\S+,tenant id:\d+)$/gm),
    ];
    expect(printed).toHaveLength(2);
    for (const [, , , credential] of printed) {
      expect(await loginStatus(emu.url, credential as string)).toBe(200);
    }
    expect(result.stdout).toMatch(/failed\s+rotated, but the secret file was not written/);
    expect(result.stderr).toMatch(/could not be delivered as asked/);
  });
});

describe('confirmation', () => {
  const tty = { stdinTTY: true, stdoutTTY: true, stderrTTY: true };

  it('asks on a terminal; answering no rotates nothing (exit 130)', async () => {
    const io = fakeIo({ env: env(), ...tty });
    const dir = join(box.home, 's');
    const running = run(['keys', 'rotate', '--all', '--name', 'acme-p*', '--secret-dir', dir], {
      io,
    });
    await vi.waitFor(
      () => expect(io.err()).toMatch(/Rotate 1 key\? Their current secrets stop working at once/),
      { timeout: 5000 },
    );
    io.stdin.write('n\r');
    expect(await running).toBe(130);
    expect(proxy.count('POST', ROTATION_POST)).toBe(0);
    expect(await loginStatus(emu.url, seededCredential(PLAIN))).toBe(200);
  });

  it('--yes skips the question', async () => {
    const argv = [
      '--yes',
      'keys',
      'rotate',
      '--all',
      '--name',
      'acme-p*',
      '--secret-dir',
      join(box.home, 's'),
    ];
    const result = await runCli(argv, { env: env(), tty, stdin: '' });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).not.toMatch(/Rotate 1 key\?/);
    expect(proxy.count('POST', ROTATION_POST)).toBe(1);
  });
});
