import { describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { basic } from '../../../helpers/emulator-seed.js';
import { countRequests, json, useHarness } from './harness.js';

const h = useHarness('file');

const PATCH_PLAIN = imsPaths.key(basic.acmePlain.accessKey);

describe('keys expire', () => {
  it('--in: a day count ends that UTC day, as a Custom value (json)', async () => {
    const r = await h.cli(['keys', 'expire', 'acme-plain', '--in', '30d', '--json']);
    expect(r.exitCode).toBe(0);
    expect(json(r)).toEqual({
      access_key: basic.acmePlain.accessKey,
      name: 'acme-plain',
      old_expiry_time: null,
      new_expiry_time: '2026-02-14T23:59:59Z',
    });
    expect(await h.getKey(basic.acmePlain.accessKey)).toMatchObject({
      expiry_enum: 'Custom value',
      expiry_time: '2026-02-14T23:59:59',
    });
  });

  it('--on a date: the end of that UTC day; a date-time is kept (table)', async () => {
    const r = await h.cli(['keys', 'expire', 'acme-plain', '--on', '2027-01-31', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      `Key:         acme-plain (${basic.acmePlain.accessKey})\n` +
        'Old expiry:  2026-02-14T23:59:59Z (in 30 days)\n' +
        'New expiry:  2027-01-31T23:59:59Z (in 12 months)\n',
    );
    expect(r.stderr).toBe('expiry of key "acme-plain" updated\n');
    const exact = await h.cli([
      'keys',
      'expire',
      'acme-plain',
      '--on',
      '2027-01-31T12:00:00+02:00',
      '--json',
    ]);
    expect(json(exact).new_expiry_time).toBe('2027-01-31T10:00:00Z');
  });

  it('--never: warns that it is not recommended; null in JSON', async () => {
    const r = await h.cli(['keys', 'expire', 'acme-plain', '--never', '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('warning: a key that never expires is not recommended');
    expect(json(r)).toMatchObject({
      old_expiry_time: '2027-01-31T10:00:00Z',
      new_expiry_time: null,
    });
    const key = await h.getKey(basic.acmePlain.accessKey);
    expect(key?.expiry_enum).toBe('Never expires (not recommended)');
    expect(key?.expiry_time).toBeUndefined();
  });

  it('extends an expired key, which then logs in again', async () => {
    const r = await h.cli(['keys', 'expire', 'old-expired', '--in', '7d', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Old expiry:  2020-11-22T23:59:59Z (expired 5 years ago)');
    expect(r.stderr).toContain('it had expired and works again');
    expect((await h.getKey(basic.expired.accessKey))?.key_expired).toBe(false);
    expect(await h.emu.login(basic.expired)).toEqual(expect.any(String));
  });

  it('a date in the past, or not a date: exit 2 before any request', async () => {
    const mark = h.mark();
    const past = await h.cli(['keys', 'expire', 'acme-plain', '--on', '2025-12-31']);
    expect(past.exitCode).toBe(2);
    expect(past.stderr).toMatch(/^error: expiry 2025-12-31T23:59:59Z is not in the future/);
    const duration = await h.cli(['keys', 'expire', 'acme-plain', '--on', '30d']);
    expect(duration.exitCode).toBe(2);
    expect(duration.stderr).toContain('--on expects a date');
    expect(mark()).toEqual([]);
  });

  it('exactly one of --in, --on, --never; none without a terminal is exit 8 naming them', async () => {
    const mark = h.mark();
    const none = await h.cli(['keys', 'expire', 'acme-plain']);
    expect(none.exitCode).toBe(8);
    expect(none.stderr).toContain(
      'error: a new expiry is required: pass --in <duration>, --on <date> or --never',
    );
    expect(mark()).toEqual([]);
    const both = await h.cli(['keys', 'expire', 'acme-plain', '--in', '1d', '--never']);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('choose exactly one of --in, --on or --never');
  });

  it('--dry-run prints old and new and changes nothing', async () => {
    const before = await h.getKey(basic.acmePlain.accessKey);
    const mark = h.mark();
    const asJson = await h.cli([
      'keys',
      'expire',
      'acme-plain',
      '--in',
      '1d',
      '--dry-run',
      '--json',
    ]);
    expect(asJson.exitCode).toBe(0);
    expect(json(asJson)).toEqual({
      dry_run: true,
      action: 'expire',
      access_key: basic.acmePlain.accessKey,
      name: 'acme-plain',
      old_expiry_time: null,
      new_expiry_time: '2026-01-16T23:59:59Z',
    });
    const human = await h.cli(['keys', 'expire', 'acme-plain', '--in', '1d', '--dry-run']);
    expect(human.stdout).toBe('');
    expect(human.stderr).toContain('dry run: new expiry: 2026-01-16T23:59:59Z (in 37 hours)');
    expect(human.stderr).toContain('dry run: nothing was changed');
    expect(countRequests(mark(), 'PATCH', PATCH_PLAIN)).toBe(0);
    expect(await h.getKey(basic.acmePlain.accessKey)).toEqual(before);
  });

  it('exit codes: unknown key 5; a plain user on a hidden key 5, on a visible one 4', async () => {
    expect((await h.cli(['keys', 'expire', 'nope', '--in', '1d'])).exitCode).toBe(5);
    const hidden = await h.cli(['keys', 'expire', basic.acmePlain.accessKey, '--in', '1d'], {
      as: basic.bobLaptop,
    });
    expect(hidden.exitCode).toBe(5);
    // The auditor reads every key but may change none.
    const auditor = await h.cli(['keys', 'expire', 'acme-plain', '--in', '1d'], {
      as: basic.acmeAuditor,
    });
    expect(auditor.exitCode).toBe(4);
  });

  it('a plain user extends their own user key', async () => {
    const r = await h.cli(['keys', 'expire', 'bob-laptop', '--on', '2031-01-01', '--json'], {
      as: basic.bobLaptop,
    });
    expect(r.exitCode).toBe(0);
    expect(json(r).new_expiry_time).toBe('2031-01-01T23:59:59Z');
  });

  it('tsv when piped: the values json prints (RFC 3339 UTC)', async () => {
    const r = await h.cli(['keys', 'expire', 'switched-off', '--in', '2d']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      'access_key\tname\told_expiry_time\tnew_expiry_time\n' +
        `${basic.inactive.accessKey}\tswitched-off\tnever\t2026-01-17T23:59:59Z\n`,
    );
    expect(r.stderr).toContain('the key is inactive: switch it on with: helixctl keys activate');
  });
});
