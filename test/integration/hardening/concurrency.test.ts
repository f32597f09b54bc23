import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from '../../../src/emulator/crypto/secret-hash.js';
import { type Database, openDatabase } from '../../../src/emulator/store/sqlite.js';
import { imsPaths } from '../../../src/wire/paths.js';
import {
  buildForChildProcess,
  removeBuild,
  type ServeProcess,
  spawnServe,
} from '../../helpers/emulator-build.js';
import { basic } from '../../helpers/emulator-seed.js';
import { dbViolations } from './db-invariants.js';
import { call, login, loginReply, type Reply } from './http-client.js';

// Two emulator processes on one database file stand for two CLIs (the `local` profile runs
// the emulator in-process on one file). Every pair of requests is fired at the same moment,
// one to each process; BEGIN IMMEDIATE serialises their writes.
const PAIRS = 12;
const SEED_FILE = fileURLToPath(new URL('../../fixtures/seed-basic.json', import.meta.url));

let build = '';
let dir = '';
let db = '';
let a: ServeProcess;
let b: ServeProcess;
let token = '';

beforeAll(async () => {
  build = buildForChildProcess();
  dir = mkdtempSync(join(tmpdir(), 'helixctl-race-'));
  db = join(dir, 'race.db');
  const options = { host: '127.0.0.1', port: 0, db, testClock: false, quiet: true };
  a = await spawnServe(build, { ...options, seed: SEED_FILE });
  b = await spawnServe(build, options);
  ({ token } = await login(a.url, basic.acmeAdmin.accessKey, basic.acmeAdmin.secretKey));
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.stop('SIGTERM'), b?.stop('SIGTERM')]);
  const check = openDatabase(db);
  try {
    expect(dbViolations(check)).toEqual([]);
  } finally {
    check.close();
    removeBuild(build);
    rmSync(dir, { recursive: true, force: true });
  }
});

interface Made {
  userId: string;
  accessKey: string;
  secret: string;
}

async function makeKey(type: 'TENANT' | 'API', name: string): Promise<Made> {
  const res = await call(a.url, 'POST', imsPaths.keys, {
    token,
    body: { name, type, expiry_enum: '30 days' },
  });
  expect(res.status).toBe(201);
  return {
    userId: res.body.user_id,
    accessKey: res.body.access_key,
    secret: res.body.access_secret_key,
  };
}

function storedRow(userId: string) {
  const reader = openDatabase(db);
  try {
    return reader
      .prepare('SELECT access_key, secret_hash, old_access_key FROM access_keys WHERE user_id = ?')
      .get<{ access_key: string; secret_hash: string; old_access_key: string | null }>(userId);
  } finally {
    reader.close();
  }
}

/** Fires one request at each process at the same moment. */
const both = (first: () => Promise<Reply>, second: () => Promise<Reply>) =>
  Promise.all([first(), second()]);
const post = (server: ServeProcess, path: string) => () =>
  call(server.url, 'POST', path, { token });
const remove = (server: ServeProcess, path: string) => () =>
  call(server.url, 'DELETE', path, { token });

describe('two processes changing the same key at the same moment', () => {
  it('regenerate one secret twice: both 200, the stored secret is one of the two, the other is refused', async () => {
    for (let i = 0; i < PAIRS; i += 1) {
      const key = await makeKey('TENANT', `twice-${i}`);
      const before = await loginReply(a.url, key.accessKey, key.secret);
      const replies = await both(
        post(a, imsPaths.keySecret(key.accessKey)),
        post(b, imsPaths.keySecret(key.userId)),
      );
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      const [first, second] = replies.map((r) => r.body.access_secret_key as string);
      expect(first).not.toBe(second);
      const stored = storedRow(key.userId)?.secret_hash;
      const winner = [first, second].filter((s) => verifySecret(s ?? '', stored));
      expect(winner, 'exactly one returned secret is stored').toHaveLength(1);
      const loser = winner[0] === first ? second : first;
      expect((await loginReply(b.url, key.accessKey, winner[0] ?? '')).status).toBe(200);
      const refused = await loginReply(a.url, key.accessKey, loser ?? '');
      expect([refused.status, refused.body.error]).toEqual([
        401,
        'Invalid access key or secret key',
      ]);
      const old = await call(b.url, 'POST', imsPaths.refresh, {
        body: { token: before.body.token },
      });
      expect(old.status, 'the refresh token of the first secret is revoked').toBe(401);
    }
  });

  it('rotate one API key twice by user_id: both 200, both returned pairs log in, the original is retired', async () => {
    for (let i = 0; i < PAIRS; i += 1) {
      const key = await makeKey('API', `rotate-twice-${i}`);
      const replies = await both(
        post(a, imsPaths.keyRotate(key.userId)),
        post(b, imsPaths.keyRotate(key.userId)),
      );
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      const pairs = replies.map((r) => ({
        key: r.body.access_key as string,
        secret: r.body.access_secret_key as string,
      }));
      const row = storedRow(key.userId);
      // Last writer wins: its pair is current, the other writer's pair is the one in grace.
      expect([row?.access_key, row?.old_access_key].sort()).toEqual(pairs.map((p) => p.key).sort());
      for (const pair of pairs) {
        const res = await loginReply(a.url, pair.key, pair.secret);
        expect([res.status, res.body.principal_id]).toEqual([200, pair.key]);
      }
      expect((await loginReply(b.url, key.accessKey, key.secret)).status).toBe(401);
    }
  });

  it('rotate one API key twice by its access key: a loser that looked it up too late gets 404', async () => {
    const outcomes = new Map<string, number>();
    for (let i = 0; i < PAIRS; i += 1) {
      const key = await makeKey('API', `rotate-by-key-${i}`);
      const path = imsPaths.keyRotate(key.accessKey);
      const replies = await both(post(a, path), post(b, path));
      const statuses = replies.map((r) => r.status).sort();
      outcomes.set(statuses.join('+'), (outcomes.get(statuses.join('+')) ?? 0) + 1);
      const row = storedRow(key.userId);
      const done = replies.filter((r) => r.status === 200);
      if (statuses.join() === '200,404') {
        expect(replies.find((r) => r.status === 404)?.body.error).toBe(
          `Access key ${key.accessKey} not found`,
        );
        expect([row?.access_key, row?.old_access_key]).toEqual([
          done[0]?.body.access_key,
          key.accessKey,
        ]);
      } else {
        expect(statuses).toEqual([200, 200]);
      }
      for (const r of done) {
        expect((await loginReply(a.url, r.body.access_key, r.body.access_secret_key)).status).toBe(
          200,
        );
      }
    }
    expect([...outcomes.keys()].every((o) => o === '200+200' || o === '200+404')).toBe(true);
    console.log(
      `race: rotate by access key, ${PAIRS} pairs: ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
  });

  it('delete against regenerate or rotate: one wins cleanly, never a 5xx, and the result is what they said', async () => {
    for (let i = 0; i < PAIRS; i += 1) {
      const type = i % 2 === 0 ? 'TENANT' : 'API';
      const key = await makeKey(type, `delete-race-${i}`);
      const change =
        type === 'TENANT' ? imsPaths.keySecret(key.accessKey) : imsPaths.keyRotate(key.accessKey);
      const [deleted, changed] = await both(
        remove(a, imsPaths.key(key.accessKey)),
        post(b, change),
      );
      expect([204, 404]).toContain(deleted.status);
      expect([200, 404]).toContain(changed.status);
      const row = storedRow(key.userId);
      if (deleted.status === 204) {
        expect(row, 'a 204 means the key is gone').toBeUndefined();
        if (changed.status === 200) {
          const after = await loginReply(
            a.url,
            changed.body.access_key,
            changed.body.access_secret_key,
          );
          expect(after.status).toBe(401);
        }
      } else {
        // Only an API rotation moves the access key, so only it can make the delete miss.
        expect([type, changed.status, row?.access_key]).toEqual([
          'API',
          200,
          changed.body.access_key,
        ]);
      }
    }
  });

  it('delete twice: one 204, one 404', async () => {
    for (let i = 0; i < PAIRS; i += 1) {
      const key = await makeKey('TENANT', `delete-twice-${i}`);
      const replies = await both(
        remove(a, imsPaths.key(key.userId)),
        remove(b, imsPaths.key(key.accessKey)),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([204, 404]);
      expect(storedRow(key.userId)).toBeUndefined();
    }
  });
});

/**
 * Holds the write lock from this process, sends `request` (which looks its key up, then
 * waits for the lock), makes `change` as another writer would, and commits. The request then
 * writes on a key that changed after its lookup: the stale-lookup race, made deterministic.
 */
async function afterConcurrentChange(
  request: () => Promise<Reply>,
  change: (holder: Database) => void,
): Promise<Reply> {
  const holder = openDatabase(db);
  let pending: Promise<Reply> | undefined;
  try {
    holder.exec('BEGIN IMMEDIATE');
    pending = request();
    // Long enough for the request to reach the lock (a few ms); far below its 5 s busy wait.
    await new Promise((resolve) => setTimeout(resolve, 400));
    change(holder);
    holder.exec('COMMIT');
  } finally {
    holder.close();
  }
  return pending;
}

const deleteRow = (userId: string) => (holder: Database) =>
  holder.prepare('DELETE FROM users WHERE user_id = ?').run(userId);

describe('a write on a key another process changed after the lookup', () => {
  it('answers 404, not 204, when the key was deleted under a delete', async () => {
    const key = await makeKey('TENANT', 'stale-delete');
    const res = await afterConcurrentChange(
      remove(a, imsPaths.key(key.accessKey)),
      deleteRow(key.userId),
    );
    expect([res.status, res.body?.error]).toEqual([404, `Access key ${key.accessKey} not found`]);
  });

  it('answers 404, not a foreign-key 500, when the key was deleted under a group or role change', async () => {
    const groups = await call(a.url, 'GET', imsPaths.groups, { token });
    const groupId = groups.body.records[0].group_id as string;
    for (const [path, body] of [
      ['keyGroups', { group_ids: [groupId] }],
      ['keyRoles', { role_ids: [] }],
    ] as const) {
      const key = await makeKey('API', `stale-${path}`);
      const put = () => call(a.url, 'PUT', imsPaths[path](key.accessKey), { token, body });
      const res = await afterConcurrentChange(put, deleteRow(key.userId));
      expect(res.status, path).toBe(404);
    }
  });

  it('answers 404 when the key was deleted under a regeneration, rotation or update', async () => {
    const cases: Array<[Made['userId'], () => Promise<Reply>]> = [];
    for (const type of ['TENANT', 'API'] as const) {
      const key = await makeKey(type, `stale-change-${type}`);
      const path =
        type === 'TENANT' ? imsPaths.keySecret(key.userId) : imsPaths.keyRotate(key.userId);
      cases.push([key.userId, post(a, path)]);
      const other = await makeKey(type, `stale-patch-${type}`);
      cases.push([
        other.userId,
        () =>
          call(a.url, 'PATCH', imsPaths.key(other.userId), { token, body: { name: 'renamed' } }),
      ]);
    }
    for (const [userId, request] of cases) {
      expect((await afterConcurrentChange(request, deleteRow(userId))).status).toBe(404);
    }
  });

  it('refuses a login whose secret was regenerated after it was checked, leaving no live refresh token', async () => {
    const key = await makeKey('TENANT', 'stale-login');
    const regenerate = (holder: Database) => {
      holder
        .prepare('UPDATE access_keys SET secret_hash = ? WHERE user_id = ?')
        .run(hashSecret('x'.repeat(50)), key.userId);
      holder.prepare('DELETE FROM refresh_tokens WHERE key_user_id = ?').run(key.userId);
    };
    const res = await afterConcurrentChange(
      () => loginReply(a.url, key.accessKey, key.secret),
      regenerate,
    );
    expect([res.status, res.body.error]).toEqual([401, 'Invalid access key or secret key']);
    const reader = openDatabase(db);
    try {
      expect(
        reader.prepare('SELECT jti FROM refresh_tokens WHERE key_user_id = ?').all(key.userId),
      ).toEqual([]);
    } finally {
      reader.close();
    }
    const gone = await makeKey('TENANT', 'stale-login-deleted');
    const deleted = await afterConcurrentChange(
      () => loginReply(a.url, gone.accessKey, gone.secret),
      deleteRow(gone.userId),
    );
    expect(deleted.status).toBe(401);
  });
});
