import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCredential } from '../../../../src/core/credential.js';
import { IS_ROOT, ROOT_NOTE } from '../../../helpers/skip.js';
import { PLAIN, TENANT, useWorld } from './world.js';

const w = useWorld();

/** A child that records the HELIX_* variables it sees (as JSON) in the file given as argv[1]. */
const RECORDER =
  "const fs=require('node:fs');const e=process.env;fs.writeFileSync(process.argv[1],JSON.stringify({ak:e.HELIX_ACCESS_KEY,sk:e.HELIX_SECRET_KEY,t:e.HELIX_TENANT_ID,c:e.HELIX_CREDENTIAL}));process.stdout.write('child ran\\n')";

describe('--secret-file', () => {
  it('keys add writes the credential to a new 0600 file, and nothing secret on stdout', async () => {
    const path = join(w.box.home, 'ci.cred');
    const r = await w.cli(['keys', 'add', 'filed', '--expires', '1d', '--secret-file', path], {
      tty: { stdoutTTY: true },
    });
    expect(r.exitCode).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const cred = parseCredential(text);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(r.stdout).not.toContain(cred.secretKey);
    expect(await w.loginStatus(cred)).toBe(200);
  });

  it('refuses to overwrite without --force, before creating the key (exit 2)', async () => {
    const path = join(w.box.home, 'taken.cred');
    writeFileSync(path, 'keep me\n', { mode: 0o600 });
    const before = (await w.keys()).length;
    const r = await w.cli(['keys', 'add', 'clash', '--expires', '1d', '--secret-file', path]);
    expect(r.exitCode).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('keep me\n');
    expect((await w.keys()).length).toBe(before);
    const rotated = await w.cli(['keys', 'rotate', 'acme-plain', '--secret-file', path]);
    expect(rotated.exitCode).toBe(2);
    expect(await w.loginStatus(PLAIN)).toBe(200);
  });

  it('keys rotate --force replaces the file with the new credential', async () => {
    const path = join(w.box.home, 'plain.cred');
    writeFileSync(path, 'old\n', { mode: 0o600 });
    const r = await w.cli(['keys', 'rotate', 'acme-plain', '--secret-file', path, '--force']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    const cred = parseCredential(readFileSync(path, 'utf8'));
    expect(cred.accessKey).toBe(PLAIN.accessKey);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await w.loginStatus(cred)).toBe(200);
    expect(await w.loginStatus(PLAIN)).toBe(401);
  });
});

describe('--secret-file that cannot be written: refused before any change (exit 2)', () => {
  // Tests run as root, where permission bits never refuse: the real cases are a folder, a path
  // under a file (ENOTDIR), a file in /proc (no file can be created beside it) and a new file
  // in /sys (a folder nobody can create files in, root included).
  const targets: [string, (home: string) => string, boolean][] = [
    ['a folder', (home) => home, true],
    ['a path under a file (ENOTDIR)', (home) => join(home, 'plain-file', 'x.cred'), false],
    ['an existing file in /proc', () => '/proc/version', true],
    ['a new file in /sys', () => '/sys/kernel/helixctl-test.cred', false],
  ];
  for (const [what, target, force] of targets) {
    it(`${what}: keys add and keys rotate change nothing`, async () => {
      writeFileSync(join(w.box.home, 'plain-file'), 'x');
      const path = target(w.box.home);
      const flags = ['--secret-file', path, ...(force ? ['--force'] : [])];
      const made = await w.cli(['--json', 'keys', 'add', `kept-${what.length}`, '--expires', '1d']);
      const kept = parseCredential(JSON.parse(made.stdout).credential);
      const before = (await w.keys()).length;
      const added = await w.cli(['keys', 'add', 'unwritable', '--expires', '1d', ...flags]);
      expect(added.exitCode, added.stderr).toBe(2);
      expect(added.stdout).toBe('');
      expect((await w.keys()).length).toBe(before);
      const rotated = await w.cli(['keys', 'rotate', kept.accessKey, ...flags]);
      expect(rotated.exitCode, rotated.stderr).toBe(2);
      expect(await w.loginStatus(kept)).toBe(200);
    });
  }

  it.skipIf(IS_ROOT)(
    `an existing file the user cannot write, even with --force (not as root: root writes any file)${ROOT_NOTE}`,
    async () => {
      const path = join(w.box.home, 'readonly.cred');
      writeFileSync(path, 'keep\n', { mode: 0o400 });
      const r = await w.cli(['keys', 'rotate', 'acme-plain', '--secret-file', path, '--force']);
      expect(r.exitCode).toBe(2);
      expect(readFileSync(path, 'utf8')).toBe('keep\n');
      expect(await w.loginStatus(PLAIN)).toBe(200);
    },
  );
});

describe('--exec', () => {
  it('keys add runs the command with HELIX_* set; our stdout carries nothing secret', async () => {
    const seen = join(w.box.home, 'seen-add.json');
    const r = await w.cli([
      '--json',
      'keys',
      'add',
      'hooked',
      '--expires',
      '1d',
      '--exec',
      '--',
      process.execPath,
      '-e',
      RECORDER,
      seen,
    ]);
    expect(r.exitCode).toBe(0);
    const env = JSON.parse(readFileSync(seen, 'utf8'));
    expect(env.t).toBe(TENANT);
    expect(env.c).toBe(`key:${env.ak}::${env.sk},tenant id:${TENANT}`);
    const doc = JSON.parse(r.stdout);
    expect(doc.access_key).toBe(env.ak);
    expect(doc.access_secret_key).toBeUndefined();
    expect(doc.credential).toBeUndefined();
    expect(doc.secret_delivered_to).toEqual([`exec:${process.execPath}`]);
    expect(r.stdout).not.toContain(env.sk);
    expect(await w.loginStatus({ accessKey: env.ak, secretKey: env.sk, tenantId: TENANT })).toBe(
      200,
    );
  });

  it("keys rotate passes the new secret to the command and exits with the command's code", async () => {
    const seen = join(w.box.home, 'seen-rotate.json');
    const script = `${RECORDER};process.exitCode=5`;
    const r = await w.cli([
      'keys',
      'rotate',
      'acme-auditor',
      '--exec',
      '--',
      process.execPath,
      '-e',
      script,
      seen,
    ]);
    expect(r.exitCode).toBe(5);
    const env = JSON.parse(readFileSync(seen, 'utf8'));
    expect(env.ak).toBe('ACMEAUDITOR0000000000000000000');
    expect(r.stdout).not.toContain(env.sk);
    expect(await w.loginStatus({ accessKey: env.ak, secretKey: env.sk, tenantId: TENANT })).toBe(
      200,
    );
  });

  it('a command that does not exist is refused before the key is created (exit 2)', async () => {
    const before = (await w.keys()).length;
    const r = await w.cli(['keys', 'add', 'x', '--expires', '1d', '--exec', '--', 'no-such-cmd-x']);
    expect(r.exitCode).toBe(2);
    expect((await w.keys()).length).toBe(before);
  });
});
