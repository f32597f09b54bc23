import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { type Cred, credentialOf, type KeyRow, type Life, startLife } from './world.js';

// A year of the README's jobs on the emulator's test clock (README "Key lifecycle"). The CLI
// runs in process with the service's clock: the spawned binary reads the real clock, and the
// grace ends it computes would fall in the (moved) service's past.
let life: Life;
beforeAll(async () => {
  life = await startLife();
});
afterAll(async () => life?.stop());

const DAY = 86_400;
const isLive = (k: KeyRow) =>
  !k.name.endsWith(' (retiring)') && !(k.description ?? '').startsWith('[pending hand-over');
const base = (name: string) => name.replace(/ \(retiring\)$/, '');

interface Delivered {
  cred: Cred;
  until?: number;
}

it('a year of weekly grace rotations, daily checks and monthly clean-ups', async () => {
  const { admin } = life;
  const home = life.box.home;
  const file = (n: string) => join(home, `${n}.cred`);
  const add = async (argv: string[], as: Cred, name: string) => {
    const r = await life.cli([...argv, '--no-copy', '--secret-file', file(name), '--force'], as);
    expect(r.exitCode, r.stderr).toBe(0);
    return credentialOf(readFileSync(file(name), 'utf8'));
  };
  await add(['keys', 'add', 'deploy', '--expires', '30d'], admin, 'deploy');
  await add(['keys', 'add', 'ingest', '--type', 'api', '--expires', '90d'], admin, 'ingest');
  const token = await life.token(admin);
  const created = await life.post(imsPaths.users, { login_id: 'dana' }, token);
  const person = (await created.json()) as { user_id: string };
  const dana = await add(
    ['keys', 'add', 'dana-ci', '--user', person.user_id, '--expires', '30d'],
    admin,
    'dana-ci',
  );
  // Who runs each weekly job: the administrator, and Dana with her own (rotating) key.
  const runner: Record<string, () => Cred> = {
    deploy: () => admin,
    ingest: () => admin,
    'dana-ci': () => current['dana-ci'] ?? dana,
  };
  const current: Record<string, Cred> = {
    deploy: credentialOf(readFileSync(file('deploy'), 'utf8')),
    ingest: credentialOf(readFileSync(file('ingest'), 'utf8')),
    'dana-ci': dana,
  };
  const delivered: Record<string, Delivered[]> = {
    deploy: [{ cred: current.deploy as Cred }],
    ingest: [{ cred: current.ingest as Cred }],
    'dana-ci': [{ cred: dana }],
  };
  const counts = { weekly: 0, checks: 0, checksDue: 0, monthly: 0, logins: 0 };
  let maxPerName = 0;
  for (let day = 1; day <= 364; day++) {
    await life.advance(DAY);
    const now = life.now().getTime();
    if (day % 7 === 0) {
      for (const name of Object.keys(runner)) {
        const as = (runner[name] as () => Cred)();
        const out = join(home, `${name}-w${day}.cred`);
        const r = await life.cli(
          ['keys', 'rotate', name, '--grace', '24h', '--verify', '--secret-file', out],
          as,
        );
        expect(r.exitCode, `day ${day} ${name}: ${r.stderr}`).toBe(0);
        counts.weekly++;
        const cred = credentialOf(readFileSync(out, 'utf8'));
        for (const d of delivered[name] ?? []) {
          // Access and user-level keys: the old secret works for the 24 h grace. API keys:
          // the service keeps one previous access key, so it works until the next rotation.
          if (d.until === undefined)
            d.until = name === 'ingest' ? now + 7 * DAY * 1000 : now + DAY * 1000;
        }
        delivered[name]?.push({ cred });
        current[name] = cred;
      }
    }
    if (day % 30 === 0) {
      const dir = join(home, `m${day}`);
      const r = await life.cli(
        ['--json', 'keys', 'rotate', '--all', '--expiring-within', '30d', '--secret-dir', dir],
        admin,
      );
      expect(r.exitCode, `day ${day} rotate --all: ${r.stderr}`).toBe(0);
      for (const row of JSON.parse(r.stdout) as Array<{ name: string; result: string }>) {
        if (row.result !== 'rotated' || !(row.name in current)) continue;
        const cred = credentialOf(readFileSync(join(dir, `${row.name}.cred`), 'utf8'));
        for (const d of delivered[row.name] ?? []) {
          if (d.until === undefined) d.until = row.name === 'ingest' ? now + 7 * DAY * 1000 : now;
        }
        delivered[row.name]?.push({ cred });
        current[row.name] = cred;
      }
      const del = await life.cli(['keys', 'delete', '--expired', '--yes'], admin);
      expect(del.exitCode, `day ${day} delete --expired: ${del.stderr}`).toBe(0);
      counts.monthly++;
    }
    const keys = await life.keys();
    const byName = new Map<string, KeyRow[]>();
    for (const k of keys) byName.set(base(k.name), [...(byName.get(base(k.name)) ?? []), k]);
    for (const [name, group] of byName) {
      expect(
        group.filter(isLive).length,
        `day ${day}: live keys named ${name}`,
      ).toBeLessThanOrEqual(1);
      expect(group.length, `day ${day}: keys named ${name}`).toBeLessThanOrEqual(2);
      maxPerName = Math.max(maxPerName, group.length);
    }
    const due = keys.filter(
      (k) =>
        isLive(k) &&
        typeof k.expiry_time === 'string' &&
        new Date(k.expiry_time).getTime() - now <= 14 * DAY * 1000,
    );
    const check = await life.cli(['keys', 'check', '--within', '14d'], admin);
    expect(check.exitCode, `day ${day} check: ${check.stdout}${check.stderr}`).toBe(
      due.length > 0 ? 10 : 0,
    );
    counts.checks++;
    if (due.length > 0) counts.checksDue++;
    for (const [name, list] of Object.entries(delivered)) {
      for (const d of list) {
        if (d.until !== undefined && d.until <= now) continue;
        expect(await life.loginStatus(d.cred), `day ${day}: a ${name} credential`).toBe(200);
        counts.logins++;
      }
    }
  }
  console.log(`year: ${JSON.stringify({ ...counts, maxKeysPerName: maxPerName })}`);
}, 600_000);
