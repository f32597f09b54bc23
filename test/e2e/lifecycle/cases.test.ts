import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialOf, type Life, startLife } from './world.js';

// The six cases of issue 10's "What a user meets today", each failing before the key
// lifecycle (README "Key lifecycle") and passing with it.
let life: Life;
beforeAll(async () => {
  life = await startLife();
});
afterAll(async () => life?.stop());

const HOUR = 3600;

describe('key lifecycle: what a user meets', () => {
  it('1. after the quick start, the name resolves to the one live key', async () => {
    const { admin } = life;
    const file = join(life.box.home, 'ci.cred');
    expect(
      (
        await life.spawn(
          [
            'keys',
            'add',
            'ci-deploy',
            '--expires',
            '30d',
            '--no-copy',
            '--secret-file',
            join(life.box.home, 'first.cred'),
          ],
          admin,
        )
      ).exitCode,
    ).toBe(0);
    const rotated = await life.spawn(
      ['keys', 'rotate', 'ci-deploy', '--grace', '24h', '--verify', '--secret-file', file],
      admin,
    );
    expect(rotated.exitCode).toBe(0);
    const fresh = credentialOf(readFileSync(file, 'utf8'));
    for (const argv of [
      ['keys', 'show', 'ci-deploy'],
      ['keys', 'permissions', 'ci-deploy'],
      ['keys', 'expire', 'ci-deploy', '--in', '30d'],
    ]) {
      const r = await life.spawn(['--json', ...argv], admin);
      expect(r.exitCode, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const shown = JSON.parse(
      (await life.spawn(['--json', 'keys', 'show', 'ci-deploy'], admin)).stdout,
    );
    expect(shown.access_key).toBe(fresh.accessKey);
    const retiring = (await life.keys()).find((k) => k.name === 'ci-deploy (retiring)');
    expect(retiring?.description).toMatch(/^\[retiring until \S+Z, replaced by [A-Z0-9]{30}\] $/);
  });

  it('2. the weekly job runs a second time (clock 2 h later) and hands over again', async () => {
    const { admin } = life;
    const file = join(life.box.home, 'weekly.cred');
    expect(
      (
        await life.cli(
          [
            'keys',
            'add',
            'weekly',
            '--expires',
            '30d',
            '--no-copy',
            '--secret-file',
            join(life.box.home, 'w0.cred'),
          ],
          admin,
        )
      ).exitCode,
    ).toBe(0);
    const job = [
      'keys',
      'rotate',
      'weekly',
      '--grace',
      '1h',
      '--verify',
      '--secret-file',
      file,
      '--force',
    ];
    expect((await life.cli(job, admin)).exitCode).toBe(0);
    await life.advance(2 * HOUR);
    const second = await life.cli(job, admin);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stderr).toContain('its grace has ended');
    const named = (await life.keys()).filter((k) => k.name.startsWith('weekly'));
    expect(named.map((k) => k.name).sort()).toEqual(['weekly', 'weekly (retiring)']);
    expect(await life.loginStatus(credentialOf(readFileSync(file, 'utf8')))).toBe(200);
  });

  it('3. keys check does not count the key being retired on purpose', async () => {
    const { admin } = life;
    expect(
      (
        await life.cli(
          [
            'keys',
            'add',
            'checked',
            '--expires',
            '60d',
            '--no-copy',
            '--secret-file',
            join(life.box.home, 'c.cred'),
          ],
          admin,
        )
      ).exitCode,
    ).toBe(0);
    expect(
      (
        await life.cli(
          [
            'keys',
            'rotate',
            'checked',
            '--grace',
            '24h',
            '--secret-file',
            join(life.box.home, 'c2.cred'),
            '--force',
          ],
          admin,
        )
      ).exitCode,
    ).toBe(0);
    const check = await life.cli(['keys', 'check', '--within', '14d'], admin);
    expect(check.exitCode, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/retiring, ends \S+Z: "checked \(retiring\)"/);
  });

  it('5. a second key of the same name, or an unusable name, is refused with the reason', async () => {
    const { admin } = life;
    const add = (name: string, ...more: string[]) =>
      life.cli(
        [
          'keys',
          'add',
          name,
          '--expires',
          '30d',
          '--no-copy',
          '--secret-file',
          join(life.box.home, `${name.length}-${more.length}.cred`),
          '--force',
          ...more,
        ],
        admin,
      );
    expect((await add('demo')).exitCode).toBe(0);
    const twice = await add('demo');
    expect(twice.exitCode).toBe(6);
    expect(twice.stderr).toMatch(/^error: a live key is already named "demo"/);
    expect((await add('demo', '--allow-duplicate-name')).exitCode).toBe(0);
    const shaped = await add('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123');
    expect(shaped.exitCode).toBe(2);
    expect(shaped.stderr).toContain('looks like an access key');
    const bhom = await add(`${admin.tenantId}@mine`);
    expect(bhom.exitCode).toBe(2);
    expect(bhom.stderr).toContain('Operations Management');
    expect((await add('12345')).exitCode).toBe(2);
  });

  it('6. 30d means the end of that UTC day on add and on expire, and the echo says so', async () => {
    const { admin } = life;
    const added = await life.cli(
      [
        'keys',
        'add',
        'days',
        '--expires',
        '30d',
        '--no-copy',
        '--secret-file',
        join(life.box.home, 'd.cred'),
      ],
      admin,
    );
    expect(added.stderr).toMatch(
      /expires (\S+T23:59:59Z) \(end of the UTC day, 30 days from now\)/,
    );
    const addAt = /expires (\S+Z) \(end/.exec(added.stderr)?.[1];
    const expired = await life.cli(['keys', 'expire', 'days', '--in', '30d'], admin);
    expect(expired.exitCode).toBe(0);
    expect(expired.stderr).toContain(`expires ${addAt} (end of the UTC day, 30 days from now)`);
    const exact = await life.cli(['--json', 'keys', 'expire', 'days', '--in', '12h'], admin);
    const at = new Date(life.now().getTime() + 12 * HOUR * 1000);
    expect(JSON.parse(exact.stdout).new_expiry_time).toBe(`${at.toISOString().slice(0, 19)}Z`);
  });

  it('4. rotate --all skips retiring keys and renews, so keys check is clean afterwards', async () => {
    // Its own service: the clock moves 20 days, which would end the other cases' keys.
    const life = await startLife();
    const { admin } = life;
    try {
      const dir = join(life.box.home, 'secrets');
      expect(
        (
          await life.cli(
            [
              'keys',
              'add',
              'soon',
              '--expires',
              '30d',
              '--no-copy',
              '--secret-file',
              join(life.box.home, 's.cred'),
            ],
            admin,
          )
        ).exitCode,
      ).toBe(0);
      await life.advance(20 * 24 * HOUR);
      expect((await life.cli(['keys', 'check', '--within', '14d'], admin)).exitCode).toBe(10);
      const all = await life.cli(
        [
          '--json',
          'keys',
          'rotate',
          '--all',
          '--expiring-within',
          '14d',
          '--secret-dir',
          dir,
          '--concurrency',
          '1',
        ],
        admin,
      );
      expect(all.exitCode, all.stderr).toBe(0);
      const rows = JSON.parse(all.stdout);
      const list = Array.isArray(rows) ? rows : (rows.keys ?? rows.results ?? []);
      const byName = (n: string) => list.find((r: { name: string }) => r.name === n);
      expect(byName('soon')?.result).toBe('rotated');
      for (const r of list.filter((r: { name: string }) => r.name.endsWith('(retiring)'))) {
        expect(r.result).toBe('skipped');
      }
      const after = await life.cli(['keys', 'check', '--within', '14d'], admin);
      expect(after.exitCode, after.stdout + after.stderr + all.stdout).toBe(0);
    } finally {
      await life.stop();
    }
  });
});
