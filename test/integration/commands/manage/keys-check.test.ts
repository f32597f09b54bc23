import { describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { basic } from '../../../helpers/emulator-seed.js';
import { json, useHarness } from './harness.js';

const h = useHarness('test');

/** Gives the seed's one expired key a far expiry, so that nothing is due. */
async function nothingDue(): Promise<void> {
  const token = await h.emu.login(basic.acmeAdmin);
  const res = await h.emu.request('PATCH', imsPaths.key(basic.expired.accessKey), {
    token,
    body: { expiry_enum: 'Custom value', expiry_time: '2027-01-01' },
  });
  expect(res.status).toBe(200);
}

describe('keys check', () => {
  it('exit 10 listing the expired and the expiring keys, soonest first (table)', async () => {
    await h.createKey({
      name: 'tomorrow',
      expiry_enum: 'Custom value',
      expiry_time: '2026-01-16T10:00:00',
    });
    await h.createKey({
      name: 'next-month',
      expiry_enum: 'Custom value',
      expiry_time: '2026-02-15',
    });
    const r = await h.cli(['keys', 'check', '-o', 'table']);
    expect(r.exitCode).toBe(10);
    const rows = r.stdout.trimEnd().split('\n').slice(1);
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(['old-expired', 'tomorrow']);
    expect(r.stderr).toContain('2 keys expired or expiring within 2d (1 already expired)');
  });

  it('json: the keys as keyJson records; --within widens the window', async () => {
    await h.createKey({
      name: 'next-month',
      expiry_enum: 'Custom value',
      expiry_time: '2026-02-15',
    });
    const narrow = await h.cli(['keys', 'check', '--json']);
    expect(narrow.exitCode).toBe(10);
    expect(json(narrow).map((k: { name: string }) => k.name)).toEqual(['old-expired']);
    const wide = await h.cli(['keys', 'check', '--within', '35d', '--json']);
    expect(wide.exitCode).toBe(10);
    expect(json(wide).map((k: { name: string }) => k.name)).toEqual(['old-expired', 'next-month']);
    expect(json(wide)[1].expiry_time).toBe('2026-02-15T23:59:59Z');
  });

  it('nothing due: exit 0 and one line saying so ([] in JSON)', async () => {
    await nothingDue();
    const table = await h.cli(['keys', 'check', '-o', 'table']);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toBe('');
    expect(table.stderr).toBe('no keys expire within 2d\n');
    const asJson = await h.cli(['keys', 'check', '--within', '12h', '--json']);
    expect(asJson.exitCode).toBe(0);
    expect(asJson.stdout).toBe('[]\n');
    expect(asJson.stderr).toBe('no keys expire within 12h\n');
  });

  it('follows the clock: a key comes due, then expires', async () => {
    await nothingDue();
    await h.createKey({
      name: 'five-days',
      expiry_enum: 'Custom value',
      expiry_time: '2026-01-20T10:00:00',
    });
    expect((await h.cli(['keys', 'check'])).exitCode).toBe(0);
    await h.advance(4 * 86_400);
    const due = await h.cli(['keys', 'check', '--json']);
    expect(due.exitCode).toBe(10);
    expect(json(due)).toEqual([expect.objectContaining({ name: 'five-days', key_expired: false })]);
    await h.advance(2 * 86_400);
    const expired = await h.cli(['keys', 'check', '--json']);
    expect(expired.exitCode).toBe(10);
    expect(json(expired)).toEqual([
      expect.objectContaining({ name: 'five-days', key_expired: true }),
    ]);
  });

  it('a plain user checks only their own keys', async () => {
    const r = await h.cli(['keys', 'check', '--json'], { as: basic.bobLaptop });
    expect(r.exitCode).toBe(0);
    expect(json(r)).toEqual([]);
    const later = await h.cli(['keys', 'check', '--within', '2000d', '--json'], {
      as: basic.bobLaptop,
    });
    expect(later.exitCode).toBe(10);
    expect(json(later).map((k: { name: string }) => k.name)).toEqual(['bob-laptop']);
  });

  it('a bad --within is a usage error', async () => {
    const r = await h.cli(['keys', 'check', '--within', 'soon']);
    expect(r.exitCode).toBe(2);
  });
});
