import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySecret } from '../../../src/emulator/crypto/secret-hash.js';
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
import { call, login, loginReply, prng } from './http-client.js';

// `kill -9` of a real `serve` process while it rotates and creates keys, several rounds on
// one database file. Reproduce a failure with the seed printed in its message:
//   HELIXCTL_CRASH_SEED=<seed> npx vitest run test/integration/hardening/crash.test.ts
const SEED = Number(process.env.HELIXCTL_CRASH_SEED ?? 7001);
const ROUNDS = 8;
const SEED_FILE = fileURLToPath(new URL('../../fixtures/seed-basic.json', import.meta.url));

/** A key the test rotates, with what the emulator last acknowledged about it. */
interface Tracked {
  userId: string;
  type: 'TENANT' | 'API';
  accessKey: string;
  /** Undefined once an unacknowledged rotation may have replaced it. */
  secret: string | undefined;
  inflight: boolean;
  /** This round's starting secret and a refresh token issued with it (TENANT keys). */
  start?: { secret: string; jti: string };
}

interface Created {
  userId: string;
  accessKey: string;
  secret: string;
  grouped: boolean;
}

let build = '';
let dir = '';
let server: ServeProcess | undefined;

beforeAll(() => {
  build = buildForChildProcess();
  dir = mkdtempSync(join(tmpdir(), 'helixctl-crash-'));
}, 60_000);
afterAll(async () => {
  await server?.stop('SIGKILL');
  removeBuild(build);
  rmSync(dir, { recursive: true, force: true });
});

const serveOn = (db: string) =>
  spawnServe(build, {
    host: '127.0.0.1',
    port: 0,
    db,
    seed: SEED_FILE,
    testClock: false,
    quiet: true,
  });

/** Creates the keys the rounds rotate: half TENANT, half API, each in the Auditors group. */
async function prepare(url: string, token: string, auditors: string): Promise<Tracked[]> {
  const tracked: Tracked[] = [];
  for (let i = 0; i < 16; i += 1) {
    const type = i % 2 === 0 ? 'TENANT' : 'API';
    const res = await call(url, 'POST', imsPaths.keys, {
      token,
      body: { name: `rotated-${i}`, type, expiry_enum: '90 days', group_ids: [auditors] },
    });
    expect(res.status).toBe(201);
    tracked.push({
      userId: res.body.user_id,
      type,
      accessKey: res.body.access_key,
      secret: res.body.access_secret_key,
      inflight: false,
    });
  }
  return tracked;
}

/**
 * Rotates every tracked key in its own sequential loop and creates keys in four more loops,
 * all at once, and SIGKILLs the server `killAfterMs` after the start.
 */
async function chaos(
  run: ServeProcess,
  ctx: { token: string; auditors: string; round: number; killAfterMs: number },
  tracked: Tracked[],
) {
  const created: Created[] = [];
  const problems: string[] = [];
  let acks = 0;
  let stopped = false;
  const acked = () => {
    acks += 1;
  };
  // At a random instant, not on an acknowledgement: then the kill can land between a commit
  // and its response, the case where the client cannot know whether its write happened.
  const killer = setTimeout(() => {
    stopped = true;
    void run.stop('SIGKILL');
  }, ctx.killAfterMs);
  const rotate = async (t: Tracked) => {
    while (!stopped) {
      t.inflight = true;
      const path = t.type === 'API' ? imsPaths.keyRotate(t.userId) : imsPaths.keySecret(t.userId);
      const res = await call(run.url, 'POST', path, { token: ctx.token }).catch(() => undefined);
      if (!res) return; // the server died with this request in flight
      t.inflight = false;
      if (res.status !== 200) problems.push(`rotate ${t.type}: ${res.status}`);
      else {
        t.accessKey = res.body.access_key;
        t.secret = res.body.access_secret_key;
        acked();
      }
    }
  };
  const create = async (worker: number) => {
    for (let i = 0; !stopped; i += 1) {
      const grouped = worker % 2 === 0;
      const body = {
        name: `crash-${ctx.round}-${worker}-${i}`,
        type: i % 2 === 0 ? 'TENANT' : 'API',
        expiry_enum: '30 days',
        ...(grouped ? { group_ids: [ctx.auditors] } : {}),
      };
      const res = await call(run.url, 'POST', imsPaths.keys, { token: ctx.token, body }).catch(
        () => undefined,
      );
      if (!res) return;
      if (res.status !== 201) problems.push(`create: ${res.status}`);
      else {
        created.push({
          userId: res.body.user_id,
          accessKey: res.body.access_key,
          secret: res.body.access_secret_key,
          grouped,
        });
        acked();
      }
    }
  };
  await Promise.all([...tracked.map(rotate), ...[0, 1, 2, 3].map(create)]);
  clearTimeout(killer);
  return { created, problems, acks };
}

const tally = { cutOff: 0, cutOffCommitted: 0, untouched: 0 };

/** Checks one tracked key on the crashed file and updates what the test knows about it. */
function checkTracked(db: Database, t: Tracked, tag: string): void {
  const row = db
    .prepare(
      'SELECT access_key, secret_hash, old_access_key, old_secret_hash FROM access_keys WHERE user_id = ?',
    )
    .get<{
      access_key: string;
      secret_hash: string;
      old_access_key: string | null;
      old_secret_hash: string | null;
    }>(t.userId);
  expect(row, `${tag}: key ${t.userId} lost`).toBeDefined();
  if (!row) return;
  const current =
    row.access_key === t.accessKey &&
    (t.secret === undefined || verifySecret(t.secret, row.secret_hash));
  // Every acknowledged rotation is durable; only a request cut off by the kill may have won.
  if (!t.inflight) expect(current, `${tag}: acknowledged ${t.type} rotation lost`).toBe(true);
  if (t.inflight) tally.cutOff += 1;
  if (t.type === 'TENANT' && t.start) {
    // A secret regeneration is whole: new hash and revoked refresh tokens, or neither.
    const unchanged = verifySecret(t.start.secret, row.secret_hash);
    const live =
      db.prepare('SELECT 1 FROM refresh_tokens WHERE jti = ?').get(t.start.jti) !== undefined;
    expect(live, `${tag}: refresh token vs secret of ${t.userId}`).toBe(unchanged);
    if (unchanged) tally.untouched += 1;
  }
  if (!current) {
    tally.cutOffCommitted += 1;
    if (t.type === 'API') {
      // The cut-off rotation committed whole: the acknowledged pair is now the old one.
      expect(row.old_access_key, `${tag}: half rotation of ${t.userId}`).toBe(t.accessKey);
      if (t.secret) expect(verifySecret(t.secret, row.old_secret_hash ?? undefined)).toBe(true);
      t.accessKey = row.access_key;
    }
    t.secret = undefined;
  }
  t.inflight = false;
}

function checkFile(
  path: string,
  tracked: Tracked[],
  created: Created[],
  auditors: string,
  tag: string,
) {
  const db = openDatabase(path);
  try {
    expect(dbViolations(db), tag).toEqual([]);
    for (const t of tracked) checkTracked(db, t, tag);
    for (const c of created) {
      const row = db
        .prepare(
          `SELECT k.secret_hash, k.access_key,
             (SELECT COUNT(*) FROM user_groups g WHERE g.user_id = k.user_id AND g.group_id = ?) AS grouped
           FROM access_keys k WHERE k.user_id = ?`,
        )
        .get<{ secret_hash: string; access_key: string; grouped: number }>(auditors, c.userId);
      expect(row, `${tag}: acknowledged create ${c.accessKey} lost`).toBeDefined();
      expect(row?.access_key).toBe(c.accessKey);
      expect(verifySecret(c.secret, row?.secret_hash), tag).toBe(true);
      expect(row?.grouped, `${tag}: assignment of ${c.accessKey}`).toBe(c.grouped ? 1 : 0);
    }
    return db
      .prepare("SELECT COUNT(*) AS n FROM access_keys WHERE tenant_id = '1000000001'")
      .get<{ n: number }>()?.n;
  } finally {
    db.close();
  }
}

describe('kill -9 of serve during bulk rotations and creates', () => {
  it('leaves a file that passes integrity_check, with every acknowledged write whole and durable', async () => {
    const db = join(dir, 'crash.db');
    const random = prng(SEED);
    server = await serveOn(db);
    let { token } = await login(server.url, basic.acmeAdmin.accessKey, basic.acmeAdmin.secretKey);
    const groups = await call(server.url, 'GET', imsPaths.groups, { token });
    const auditors = groups.body.records.find(
      (g: { name: string }) => g.name === 'Auditors',
    ).group_id;
    const tracked = await prepare(server.url, token, auditors);
    let totalAcks = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const tag = `seed ${SEED} round ${round}`;
      for (const t of tracked) {
        if (t.type !== 'TENANT' || t.secret === undefined) delete t.start;
        else
          t.start = {
            secret: t.secret,
            jti: (await login(server.url, t.accessKey, t.secret)).refreshJti,
          };
      }
      const killAfterMs = 20 + Math.floor(random() * 400);
      const outcome = await chaos(server, { token, auditors, round, killAfterMs }, tracked);
      expect(await server.stop('SIGKILL')).toBe('SIGKILL');
      expect(outcome.problems, tag).toEqual([]);
      totalAcks += outcome.acks;
      const keys = checkFile(db, tracked, outcome.created, auditors, tag);

      server = await serveOn(db);
      expect(server.stdout, 'a restart prints no new credential').toEqual([]);
      ({ token } = await login(server.url, basic.acmeAdmin.accessKey, basic.acmeAdmin.secretKey));
      const listed = await call(server.url, 'GET', `${imsPaths.keys}?size=1`, { token });
      expect(listed.body._metadata.total_count, tag).toBe(keys);
      for (const t of tracked.filter((k) => k.secret !== undefined)) {
        expect(
          (await loginReply(server.url, t.accessKey, t.secret ?? '')).status,
          `${tag}: ${t.accessKey}`,
        ).toBe(200);
      }
    }
    console.log(
      `crash: seed ${SEED}, ${ROUNDS} kill -9 rounds, ${totalAcks} acknowledged writes checked; ` +
        `${tally.cutOff} rotations cut off by the kill (${tally.cutOffCommitted} had committed), ` +
        `${tally.untouched} secrets untouched in their round`,
    );
  }, 120_000);
});
