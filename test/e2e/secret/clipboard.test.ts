import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { type Display, SKIP_XVFB, startXvfb, XVFB_NOTE } from '../../helpers/xvfb.js';
import { ADMIN, AUDITOR, BOB, PLAIN, TENANT } from '../../integration/commands/secret/world.js';
import { type Served, startServed } from './served.js';

// The real clipboard of a private Xvfb display, read back with xsel (not with our code).
describe.skipIf(SKIP_XVFB)(`the clipboard under Xvfb${XVFB_NOTE}`, () => {
  let s: Served;
  let x: Display;
  beforeAll(async () => {
    [s, x] = await Promise.all([startServed(), startXvfb()]);
  });
  afterAll(async () => {
    await s?.stop();
    await x?.stop();
  });

  const clip = (argv: string[], as: typeof ADMIN, input?: string) =>
    s.cli(argv, as, {
      env: { DISPLAY: x.display },
      drop: ['HELIXCTL_NO_CLIPBOARD'],
      ...(input === undefined ? {} : { input }),
    });

  it('keys add --copy puts exactly the copy-format credential there, and not on stdout', async () => {
    await x.write('before');
    const r = await clip(
      ['--json', 'keys', 'add', 'clip-add', '--expires', '1d', '--copy', '--clear-after', '0'],
      ADMIN,
    );
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.access_secret_key).toBeUndefined();
    expect(doc.credential).toBeUndefined();
    expect(doc.secret_delivered_to).toEqual(['clipboard']);
    const text = await x.settle(/^key:([A-Z0-9]{30})::([A-Za-z0-9]{50}),tenant id:(\d+)$/);
    const m = /^key:([A-Z0-9]{30})::([A-Za-z0-9]{50}),tenant id:(\d+)$/.exec(text);
    expect(m?.[1]).toBe(doc.access_key);
    expect(m?.[3]).toBe(TENANT);
    const cred = { accessKey: m?.[1] ?? '', secretKey: m?.[2] ?? '', tenantId: TENANT };
    expect(text).toBe(formatCredential(cred));
    expect(await s.loginStatus(cred)).toBe(200);
  });

  it('the xsel daemon that keeps the clipboard gets only what reaching the display needs', async () => {
    const r = await clip(
      ['keys', 'add', 'clip-env', '--expires', '1d', '--copy', '--clear-after', '0'],
      ADMIN,
    );
    expect(r.exitCode, r.stderr).toBe(0);
    await x.settle(/^key:/);
    // The xsel processes holding this display's selection, and what they were started with.
    const environs: string[] = [];
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (!(await readFile(`/proc/${pid}/cmdline`, 'utf8')).startsWith('xsel')) continue;
        const environ = await readFile(`/proc/${pid}/environ`, 'utf8');
        if (environ.split('\0').includes(`DISPLAY=${x.display}`)) environs.push(environ);
      } catch {
        // Gone meanwhile.
      }
    }
    expect(environs.length).toBeGreaterThan(0);
    for (const environ of environs) {
      const names = environ.split('\0').map((entry) => entry.split('=')[0]);
      expect(names.filter((name) => name?.startsWith('HELIX'))).toEqual([]);
      expect(names).not.toContain('NODE_OPTIONS');
    }
  });

  it('keys add and keys rotate say the secret went to the clipboard, and when it is cleared', async () => {
    const add = await clip(
      ['keys', 'add', 'clip-notice', '--expires', '1d', '--copy', '--clear-after', '1s'],
      ADMIN,
    );
    expect(add.exitCode, add.stderr).toBe(0);
    const key = (await x.settle(/^key:/)).slice(4, 34);
    expect(add.stderr).toContain(
      `copied the credential of "clip-notice" (${key}) to the clipboard; it will be cleared in 1s\n`,
    );
    const rotated = await clip(['keys', 'rotate', key, '--copy'], ADMIN);
    expect(rotated.exitCode, rotated.stderr).toBe(0);
    expect(rotated.stderr).toContain(
      `copied the credential of "clip-notice" (${key}) to the clipboard; it will be cleared in 45s\n`,
    );
    // Kept (--clear-after 0): the notice promises no clearing.
    const kept = await clip(['keys', 'rotate', key, '--copy', '--clear-after', '0'], ADMIN);
    expect(kept.stderr).toContain(`(${key}) to the clipboard\n`);
  });

  it('keys rotate --copy: the new credential in the clipboard, stdout empty', async () => {
    const r = await clip(['keys', 'rotate', 'acme-plain', '--copy', '--clear-after', '0'], ADMIN);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    const text = await x.settle(new RegExp(`^key:${PLAIN.accessKey}::`));
    expect(text.startsWith(`key:${PLAIN.accessKey}::`)).toBe(true);
    const secretKey = text.slice(`key:${PLAIN.accessKey}::`.length, text.indexOf(','));
    expect(await s.loginStatus({ ...PLAIN, secretKey })).toBe(200);
    expect(await s.loginStatus(PLAIN)).toBe(401);
  });

  it("keys copy: the profile's own credential, nothing on stdout", async () => {
    const r = await clip(['keys', 'copy', '--clear-after', '0'], BOB);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('to the clipboard');
    expect(await x.settle(formatCredential(BOB))).toBe(formatCredential(BOB));
    // JSON says what was copied, never the secret itself.
    await x.write('before');
    const json = await clip(['--json', 'keys', 'copy', '--clear-after', '0'], BOB);
    expect(JSON.parse(json.stdout)).toEqual({
      access_key: BOB.accessKey,
      tenant_id: TENANT,
      name: null,
      secret_form: 'clear',
      copied_to: 'clipboard',
      clear_after_ms: 0,
    });
    expect(json.stdout).not.toContain(BOB.secretKey);
    expect(await x.settle(formatCredential(BOB))).toBe(formatCredential(BOB));
  });

  it('keys copy <key> alone: the stored one-way form, with the warning', async () => {
    const r = await clip(['keys', 'copy', BOB.accessKey, '--clear-after', '0'], BOB);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('stored one-way form');
    const stored = /^key:BOBLAPTOP000000000000000000000::\$sha256\$\S+,tenant id:1000000001$/;
    expect(await x.settle(stored)).toMatch(stored);
  });

  it('keys copy <key> --secret-stdin, cleared by the helper after --clear-after', async () => {
    await x.write('before');
    const r = await clip(
      ['keys', 'copy', AUDITOR.accessKey, '--secret-stdin', '--clear-after', '1s'],
      ADMIN,
      AUDITOR.secretKey,
    );
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('it will be cleared in 1s');
    // The helper clears only a clipboard that still holds what was copied: ending empty
    // (not 'before') proves both the copy and the clearing, with no race on reading it.
    let text = formatCredential(AUDITOR);
    for (let tries = 0; tries < 50 && text !== ''; tries += 1) {
      await sleep(200);
      text = await x.read();
    }
    expect(text).toBe('');
  });
});
