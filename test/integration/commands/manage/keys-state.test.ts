import { describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { basic } from '../../../helpers/emulator-seed.js';
import { countRequests, json, typeWhen, useHarness } from './harness.js';

const h = useHarness('test');

const PLAIN = basic.acmePlain.accessKey;
const patches = (lines: string[]) => countRequests(lines, 'PATCH', imsPaths.key(PLAIN));
const status = async () => (await h.getKey(PLAIN))?.status;

describe('keys deactivate / activate', () => {
  it('deactivate without a terminal goes ahead (reversible), then activate switches it back', async () => {
    const off = await h.cli(['keys', 'deactivate', 'acme-plain', '--json']);
    expect(off.exitCode).toBe(0);
    expect(json(off)).toEqual({
      access_key: PLAIN,
      name: 'acme-plain',
      previous_status: 'ACTIVE',
      status: 'INACTIVE',
      changed: true,
    });
    expect(await status()).toBe('INACTIVE');
    // The key can no longer log in.
    await expect(h.emu.login(basic.acmePlain)).rejects.toThrow(/401/);
    const on = await h.cli(['keys', 'activate', 'acme-plain', '-o', 'table']);
    expect(on.exitCode).toBe(0);
    expect(on.stdout).toBe('');
    expect(on.stderr).toBe(`key "acme-plain" (${PLAIN}) is now active\n`);
    expect(await status()).toBe('ACTIVE');
  });

  it('is idempotent: already in that state is exit 0, said so, and sends no PATCH', async () => {
    const mark = h.mark();
    const r = await h.cli(['keys', 'activate', 'acme-plain', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`key "acme-plain" (${PLAIN}) is already active; nothing changed\n`);
    const asJson = await h.cli(['keys', 'deactivate', 'switched-off', '--json']);
    expect(asJson.exitCode).toBe(0);
    expect(json(asJson)).toMatchObject({ status: 'INACTIVE', changed: false });
    expect(mark().filter((l) => l.startsWith('PATCH'))).toEqual([]);
  });

  it('--dry-run says what it would do and changes nothing', async () => {
    const mark = h.mark();
    const r = await h.cli(['keys', 'deactivate', 'acme-plain', '--dry-run', '--json']);
    expect(r.exitCode).toBe(0);
    expect(json(r)).toEqual({
      dry_run: true,
      action: 'deactivate',
      access_key: PLAIN,
      name: 'acme-plain',
      previous_status: 'ACTIVE',
      status: 'INACTIVE',
      changed: true,
    });
    const human = await h.cli(['keys', 'deactivate', 'acme-plain', '--dry-run']);
    expect(human.stderr).toContain(`dry run: would deactivate key "acme-plain" (${PLAIN})`);
    expect(patches(mark())).toBe(0);
    expect(await status()).toBe('ACTIVE');
  });

  it('on a terminal, deactivate asks first: yes deactivates', async () => {
    const { io, exitCode } = h.terminal(['keys', 'deactivate', 'acme-plain']);
    await typeWhen(io, 'Deactivate key "acme-plain"', 'y\r');
    expect(await exitCode).toBe(0);
    expect(await status()).toBe('INACTIVE');
  });

  it('on a terminal, answering no cancels (exit 130) and changes nothing', async () => {
    const mark = h.mark();
    const { io, exitCode } = h.terminal(['keys', 'deactivate', 'acme-plain']);
    await typeWhen(io, 'Deactivate key "acme-plain"', 'n\r');
    expect(await exitCode).toBe(130);
    expect(patches(mark())).toBe(0);
    expect(await status()).toBe('ACTIVE');
  });

  it('--yes skips the question on a terminal', async () => {
    const { io, exitCode } = h.terminal(['keys', 'deactivate', 'acme-plain', '--yes']);
    expect(await exitCode).toBe(0);
    expect(io.err()).not.toContain('Deactivate key');
    expect(await status()).toBe('INACTIVE');
  });

  it('deactivating the key in use is refused (exit 6) unless --force, which warns', async () => {
    // Issue 10 case 7: was a warning and then the change; now refused with the reason.
    const refused = await h.cli(['keys', 'deactivate', basic.acmeAuditor.accessKey], {
      as: basic.acmeAuditor,
    });
    expect(refused.exitCode).toBe(6);
    expect(refused.stderr).toContain('is the key');
    expect(refused.stderr).toContain('hint: pass --force');
    const r = await h.cli(['keys', 'deactivate', basic.acmeAuditor.accessKey, '--force'], {
      as: basic.acmeAuditor,
    });
    // The auditor may not change keys: the warning comes first, then the 403.
    expect(r.stderr).toContain('this is the key helixctl is signed in with');
    expect(r.exitCode).toBe(4);
    const own = await h.cli(['keys', 'deactivate', 'acme-admin', '--dry-run', '--force']);
    expect(own.exitCode).toBe(0);
    expect(own.stderr).toContain('this is the key helixctl is signed in with');
    expect((await h.cli(['keys', 'deactivate', 'acme-admin', '--dry-run'])).exitCode).toBe(6);
  });

  it('exit codes: unknown key 5, a plain user on a hidden key 5', async () => {
    expect((await h.cli(['keys', 'activate', 'nope'])).exitCode).toBe(5);
    expect((await h.cli(['keys', 'deactivate', PLAIN], { as: basic.bobLaptop })).exitCode).toBe(5);
  });

  it('a plain user switches their own user key off and on', async () => {
    // --force: it is the key this run logs in with (issue 10 case 7).
    const off = await h.cli(['keys', 'deactivate', 'bob-laptop', '--json', '--force'], {
      as: basic.bobLaptop,
    });
    expect(off.exitCode).toBe(0);
    expect((await h.getKey(basic.bobLaptop.accessKey))?.status).toBe('INACTIVE');
  });
});
