import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_CHECK_MS, openDatabase } from '../../../src/emulator/store/sqlite.js';
import { imsPaths } from '../../../src/wire/paths.js';
import {
  buildForChildProcess,
  removeBuild,
  type ServeProcess,
  spawnServe,
} from '../../helpers/emulator-build.js';
import { basic } from '../../helpers/emulator-seed.js';
import { jsonRequest } from '../../helpers/http-json.js';

const SEED = fileURLToPath(new URL('../../fixtures/seed-basic.json', import.meta.url));
let build = '';
let dir = '';
const children: ServeProcess[] = [];

beforeAll(() => {
  build = buildForChildProcess();
}, 60_000);
afterAll(() => removeBuild(build));
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop('SIGKILL')));
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

async function serveOn(db: string, extra: Record<string, unknown> = {}): Promise<ServeProcess> {
  const child = await spawnServe(build, {
    host: '127.0.0.1',
    port: 0,
    db,
    testClock: false,
    quiet: true,
    ...extra,
  });
  children.push(child);
  return child;
}

const call = jsonRequest;

async function login(
  base: string,
  credential: { accessKey: string; secretKey: string },
): Promise<string> {
  const res = await call(base, 'POST', imsPaths.login, {
    body: { access_key: credential.accessKey, access_secret_key: credential.secretKey },
  });
  expect(res.status).toBe(200);
  return res.body.json_web_token;
}

describe('serve in a child process', () => {
  it('prints the admin credential once, on stdout only, and stops cleanly on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'helixctl-serve-'));
    const db = join(dir, 'nested', 'serve.db');
    const first = await serveOn(db, { quiet: false });
    expect(first.stdout).toHaveLength(1);
    const match = /^key:([A-Z0-9]{30})::([A-Za-z0-9]{50}),tenant id:(\d{10})$/.exec(
      first.stdout[0] ?? '',
    );
    expect(match).not.toBeNull();
    const [, accessKey = '', secretKey = ''] = match ?? [];
    const token = await login(first.url, { accessKey, secretKey });
    expect((await call(first.url, 'GET', imsPaths.keys, { token })).status).toBe(200);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.stderr.some((l) => /^GET \/ims\/api\/v1\/access_keys 200 /.test(l))).toBe(true);
    expect(first.stderr.join('\n')).not.toContain(secretKey);
    expect(first.stderr.at(-1)).toBe('helixctl emulator stopped');
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700);
    expect(!existsSync(`${db}-wal`) || statSync(`${db}-wal`).size === 0).toBe(true);

    const second = await serveOn(db);
    expect(second.stdout).toEqual([]);
    await login(second.url, { accessKey, secretKey });
    expect(await second.stop('SIGINT')).toBe(0);
  });

  it('refuses bad flags with a usage error (exit 2) and one clear line', async () => {
    dir = mkdtempSync(join(tmpdir(), 'helixctl-serve-'));
    await expect(
      spawnServe(build, {
        host: '127.0.0.1',
        port: 70_000,
        db: join(dir, 'x.db'),
        testClock: false,
        quiet: true,
      }),
    ).rejects.toThrow(
      /serve exited \(2\) before listening: error: --port must be an integer between 0 and 65535/,
    );
    await expect(
      spawnServe(build, {
        host: '127.0.0.1',
        port: 0,
        db: join(dir, 'x.db'),
        seed: join(dir, 'missing.json'),
        testClock: false,
        quiet: true,
      }),
    ).rejects.toThrow(/exited \(2\).*cannot read seed file .*missing\.json: ENOENT/);
  });
});

describe('two emulator processes on one database file', () => {
  it('enforce the 2-key limit together: exactly 2 of 20 concurrent creates succeed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'helixctl-two-'));
    const db = join(dir, 'shared.db');
    const a = await serveOn(db, { seed: SEED });
    const b = await serveOn(db);
    const token = await login(a.url, basic.acmeAdmin);
    expect((await call(b.url, 'GET', imsPaths.userinfo, { token })).status).toBe(200);
    for (const person of ['racer-1', 'racer-2']) {
      const made = await call(a.url, 'POST', imsPaths.users, { token, body: { login_id: person } });
      const owner = made.body.user_id as string;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(i % 2 === 0 ? a.url : b.url, 'POST', imsPaths.userKeys(owner), {
            token,
            body: { name: `k${i}`, expiry_enum: '30 days' },
          }),
        ),
      );
      expect(results.map((r) => r.status).filter((s) => s === 201)).toHaveLength(2);
      expect(
        results.filter((r) => r.body.error === 'User access key limit (2) reached'),
      ).toHaveLength(18);
      const listed = await call(b.url, 'GET', imsPaths.userKeys(owner), { token });
      expect(listed.body._metadata.total_count).toBe(2);
    }
    // A page B served (and reuses) shows a write A made afterwards, once the staleness bound
    // of B's caches (EXTERNAL_CHECK_MS, docs/design.md §4) has passed.
    const before = await call(b.url, 'GET', `${imsPaths.keys}?size=5`, { token });
    expect((await call(b.url, 'GET', `${imsPaths.keys}?size=5`, { token })).body).toEqual(
      before.body,
    );
    const made = await call(a.url, 'POST', imsPaths.keys, {
      token,
      body: { name: 'from-a', expiry_enum: '30 days' },
    });
    expect(made.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, EXTERNAL_CHECK_MS + 10));
    const after = await call(b.url, 'GET', `${imsPaths.keys}?size=5`, { token });
    expect(after.body._metadata.total_count).toBe(before.body._metadata.total_count + 1);
  });
});

describe('a crash mid-request', () => {
  it('leaves a consistent database: no half-created key, every acknowledged key kept', async () => {
    dir = mkdtempSync(join(tmpdir(), 'helixctl-crash-'));
    const db = join(dir, 'crash.db');
    const server = await serveOn(db, { seed: SEED });
    const token = await login(server.url, basic.acmeAdmin);
    const groups = await call(server.url, 'GET', imsPaths.groups, { token });
    const auditors = groups.body.records.find(
      (g: { name: string }) => g.name === 'Auditors',
    ).group_id;
    const created: string[] = [];
    const inflight = Array.from({ length: 300 }, (_, i) =>
      call(server.url, 'POST', imsPaths.keys, {
        token,
        body: { name: `crash-${i}`, expiry_enum: '30 days', group_ids: [auditors] },
      })
        .then((res) => {
          if (res.status === 201) created.push(res.body.access_key);
        })
        .catch(() => undefined),
    );
    while (created.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await server.stop('SIGKILL')).toBe('SIGKILL');
    await Promise.all(inflight);

    const check = openDatabase(db);
    try {
      expect(check.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      expect(check.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      const orphanPrincipals = check
        .prepare(
          "SELECT COUNT(*) AS n FROM users u WHERE u.user_type = 'API' AND NOT EXISTS (SELECT 1 FROM access_keys k WHERE k.user_id = u.user_id)",
        )
        .get();
      expect(orphanPrincipals).toEqual({ n: 0 });
      const crashKeys = check
        .prepare(
          `SELECT k.access_key, (SELECT COUNT(*) FROM user_groups g WHERE g.user_id = k.user_id AND g.group_id = ?) AS grouped
           FROM access_keys k WHERE k.name LIKE 'crash-%'`,
        )
        .all<{ access_key: string; grouped: number }>(auditors);
      expect(crashKeys.every((k) => k.grouped === 1)).toBe(true);
      const stored = new Set(crashKeys.map((k) => k.access_key));
      expect(created.every((k) => stored.has(k))).toBe(true);
    } finally {
      check.close();
    }
  });
});
