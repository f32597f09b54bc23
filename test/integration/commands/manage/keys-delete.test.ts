import { describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { basic } from '../../../helpers/emulator-seed.js';
import { json, typeWhen, useHarness } from './harness.js';

const h = useHarness('test');

const deletes = (lines: string[]) => lines.filter((l) => l.startsWith('DELETE ')).length;
const exists = async (accessKey: string) => (await h.getKey(accessKey)) !== undefined;

describe('keys delete', () => {
  it('deletes several keys with --yes and reports each (json)', async () => {
    const r = await h.cli([
      'keys',
      'delete',
      'acme-plain',
      basic.inactive.accessKey,
      '--yes',
      '--json',
    ]);
    expect(r.exitCode).toBe(0);
    expect(json(r)).toEqual([
      { access_key: basic.acmePlain.accessKey, name: 'acme-plain', deleted: true },
      { access_key: basic.inactive.accessKey, name: 'switched-off', deleted: true },
    ]);
    expect(await exists(basic.acmePlain.accessKey)).toBe(false);
    expect(await exists(basic.inactive.accessKey)).toBe(false);
  });

  it('table mode: one line per key on stderr, nothing on stdout (alias rm)', async () => {
    const r = await h.cli(['keys', 'rm', 'acme-plain', '--yes', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`deleted key "acme-plain" (${basic.acmePlain.accessKey})\n`);
  });

  it('without a terminal and without --yes: exit 8 naming --yes, nothing deleted', async () => {
    const mark = h.mark();
    const r = await h.cli(['keys', 'delete', 'acme-plain']);
    expect(r.exitCode).toBe(8);
    expect(r.stderr).toMatch(/^error: confirmation to delete a key is required: pass --yes$/m);
    expect(deletes(mark())).toBe(0);
    expect(await exists(basic.acmePlain.accessKey)).toBe(true);
  });

  it('a typo among the keys deletes nothing (exit 5)', async () => {
    const mark = h.mark();
    const r = await h.cli(['keys', 'delete', 'acme-plain', 'acme-plian', '--yes']);
    expect(r.exitCode).toBe(5);
    expect(r.stderr).toContain('"acme-plian"');
    expect(deletes(mark())).toBe(0);
  });

  it('a non-deletable key is refused with exit 6, naming it, before anything is deleted', async () => {
    const mark = h.mark();
    const r = await h.cli([
      'keys',
      'delete',
      'acme-plain',
      basic.onboardingName,
      '--yes',
      '--json',
    ]);
    expect(r.exitCode).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `non-deletable key is refused: "${basic.onboardingName}" (${basic.onboarding.accessKey})`,
    );
    expect(deletes(mark())).toBe(0);
    expect(await exists(basic.acmePlain.accessKey)).toBe(true);
  });

  it('--expired deletes every expired key the caller sees', async () => {
    await h.createKey({
      name: 'short',
      expiry_enum: 'Custom value',
      expiry_time: '2026-01-16T10:00:00',
    });
    await h.advance(2 * 86_400);
    const r = await h.cli(['keys', 'delete', '--expired', '--yes', '--json']);
    expect(r.exitCode).toBe(0);
    expect(
      json(r)
        .map((d: { name: string }) => d.name)
        .sort(),
    ).toEqual(['old-expired', 'short']);
    const again = await h.cli(['keys', 'delete', '--expired', '--yes', '--json']);
    expect(again.exitCode).toBe(0);
    expect(json(again)).toEqual([]);
    expect(again.stderr).toContain('no expired keys to delete');
  });

  it('--expired skips a non-deletable expired key with a warning', async () => {
    const token = await h.emu.login(basic.acmeAdmin);
    await h.emu.request('PATCH', imsPaths.key(basic.onboarding.accessKey), {
      token,
      body: { expiry_enum: 'Custom value', expiry_time: '2026-01-16T00:00:00' },
    });
    await h.advance(2 * 86_400);
    const r = await h.cli(['keys', 'delete', '--expired', '--yes', '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`warning: skipping non-deletable key "${basic.onboardingName}"`);
    expect(json(r).map((d: { name: string }) => d.name)).toEqual(['old-expired']);
    expect(await exists(basic.onboarding.accessKey)).toBe(true);
  });

  it('--dry-run lists what would go and deletes nothing', async () => {
    const mark = h.mark();
    const r = await h.cli(['keys', 'delete', 'acme-plain', '--expired', '--dry-run', '--json']);
    expect(r.exitCode).toBe(0);
    expect(json(r)).toEqual({
      dry_run: true,
      action: 'delete',
      keys: [
        { access_key: basic.acmePlain.accessKey, name: 'acme-plain' },
        { access_key: basic.expired.accessKey, name: 'old-expired' },
      ],
    });
    const human = await h.cli(['keys', 'delete', 'acme-plain', '--dry-run']);
    expect(human.stderr).toContain(
      `dry run: would delete key "acme-plain" (${basic.acmePlain.accessKey})`,
    );
    expect(deletes(mark())).toBe(0);
    expect(await exists(basic.acmePlain.accessKey)).toBe(true);
  });

  it("every deletion refused for the same reason: that reason's exit code (4), per-key results", async () => {
    // The auditor sees every key but may delete none.
    const r = await h.cli(['keys', 'delete', 'bob-laptop', 'acme-plain', '--yes', '--json'], {
      as: basic.acmeAuditor,
    });
    expect(r.exitCode).toBe(4);
    const error = { code: 'FORBIDDEN', message: expect.any(String) };
    expect(json(r)).toEqual([
      { access_key: basic.bobLaptop.accessKey, name: 'bob-laptop', deleted: false, error },
      { access_key: basic.acmePlain.accessKey, name: 'acme-plain', deleted: false, error },
    ]);
    expect(await exists(basic.bobLaptop.accessKey)).toBe(true);
  });
});

describe('keys delete on a terminal', () => {
  it('lists the keys and asks; yes deletes them', async () => {
    const { io, exitCode } = h.terminal(['keys', 'delete', 'acme-plain', 'switched-off']);
    const shown = await typeWhen(io, 'Delete these 2 keys?', 'y\r');
    expect(shown).toContain(`"acme-plain" (${basic.acmePlain.accessKey})`);
    expect(shown).toContain(`"switched-off" (${basic.inactive.accessKey})`);
    expect(await exitCode).toBe(0);
    expect(await exists(basic.acmePlain.accessKey)).toBe(false);
  });

  it('answering no cancels with exit 130 and deletes nothing', async () => {
    const { io, exitCode } = h.terminal(['keys', 'delete', 'acme-plain']);
    await typeWhen(io, 'Delete key "acme-plain"', 'n\r');
    expect(await exitCode).toBe(130);
    expect(await exists(basic.acmePlain.accessKey)).toBe(true);
  });

  it('--quiet does not hide which keys the question is about', async () => {
    const { io, exitCode } = h.terminal(['keys', 'delete', 'acme-plain', 'switched-off', '-q']);
    const shown = await typeWhen(io, 'Delete these 2 keys?', 'n\r');
    expect(shown).toContain(`"acme-plain" (${basic.acmePlain.accessKey})`);
    expect(await exitCode).toBe(130);
  });
});
