import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Database,
  EXTERNAL_CHECK_MS,
  openDatabase,
} from '../../../src/emulator/store/sqlite.js';
import { missingNote } from '../../helpers/skip.js';

type Driver = Database['driver'];

function available(driver: Driver): boolean {
  try {
    openDatabase(':memory:', { driver }).close();
    return true;
  } catch {
    return false;
  }
}

const hasNodeSqlite = available('node:sqlite');
const hasBetterSqlite = available('better-sqlite3');

describe('driver selection', () => {
  it('prefers node:sqlite exactly when the runtime has it', () => {
    const db = openDatabase(':memory:');
    const builtin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.(
      'node:sqlite',
    );
    expect(db.driver).toBe(builtin ? 'node:sqlite' : 'better-sqlite3');
    db.close();
  });

  it('has at least one driver on every supported Node', () => {
    expect(hasNodeSqlite || hasBetterSqlite).toBe(true);
  });
});

const drivers: Array<[Driver, boolean]> = [
  ['node:sqlite', hasNodeSqlite],
  ['better-sqlite3', hasBetterSqlite],
];

describe.each(drivers)('%s adapter', (driver, present) => {
  const note = missingNote({ [driver]: present }, 'not available on this Node');
  let dir = '';
  const open = (file = 'test.db', busyTimeoutMs?: number) =>
    openDatabase(
      join(dir, file),
      busyTimeoutMs === undefined ? { driver } : { driver, busyTimeoutMs },
    );

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it.skipIf(!present)(
    `opens a file in WAL mode with foreign keys and a busy timeout${note}`,
    () => {
      dir = mkdtempSync(join(tmpdir(), 'helixctl-sqlite-'));
      const db = open('test.db', 1234);
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
      expect(db.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: 1234 });
      db.close();
    },
  );

  it.skipIf(!present)(`holds one statement per SQL text${note}`, () => {
    const db = openDatabase(':memory:', { driver });
    expect(db.prepare('SELECT 1 AS one')).toBe(db.prepare('SELECT 1 AS one'));
    expect({ ...db.prepare('SELECT 1 AS one').get() }).toEqual({ one: 1 });
    db.close();
  });

  it.skipIf(!present)(`reads rows as arrays in column order through prepareValues${note}`, () => {
    const db = openDatabase(':memory:', { driver });
    db.exec(
      "CREATE TABLE t (b TEXT, a INTEGER, c REAL); INSERT INTO t VALUES ('x', 1, NULL), ('y', 2, 2.5)",
    );
    const values = db.prepareValues('SELECT c, a, b FROM t ORDER BY a');
    expect(values).toBe(db.prepareValues('SELECT c, a, b FROM t ORDER BY a'));
    expect(values.all()).toEqual([
      [null, 1, 'x'],
      [2.5, 2, 'y'],
    ]);
    // The object form of the same text is unaffected.
    expect(
      db
        .prepare('SELECT c, a, b FROM t ORDER BY a')
        .all()
        .map((r) => ({ ...r })),
    ).toEqual([
      { c: null, a: 1, b: 'x' },
      { c: 2.5, a: 2, b: 'y' },
    ]);
    db.close();
  });

  it.skipIf(!present)(
    `commits, rolls back on a throw, and joins nested transactions${note}`,
    () => {
      const db = openDatabase(':memory:', { driver });
      db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
      const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
      db.transaction(() => {
        insert.run(1);
        db.transaction(() => insert.run(2));
      });
      expect(() =>
        db.transaction(() => {
          insert.run(3);
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(() => db.transaction(() => insert.run(null))).toThrow();
      const values = db
        .prepare('SELECT v FROM t ORDER BY v')
        .all<{ v: number }>()
        .map((r) => r.v);
      expect(values).toEqual([1, 2]);
      db.close();
    },
  );

  it.skipIf(!present)(
    `changes its version on its own commits at once, and on another connection commits within EXTERNAL_CHECK_MS${note}`,
    () => {
      dir = mkdtempSync(join(tmpdir(), 'helixctl-sqlite-'));
      let clock = 1000;
      const first = openDatabase(join(dir, 'versions.db'), { driver, monotonicNow: () => clock });
      const second = open('versions.db');
      first.exec('CREATE TABLE t (v INTEGER)');
      const v0 = first.version();
      expect(first.version()).toBe(v0);
      first.transaction(() => first.prepare('INSERT INTO t VALUES (1)').run());
      const v1 = first.version();
      expect(v1).not.toBe(v0);
      second.transaction(() => second.prepare('INSERT INTO t VALUES (2)').run());
      // Within the interval the other commit is not looked for: no PRAGMA per call.
      clock += EXTERNAL_CHECK_MS - 1;
      expect(first.version()).toBe(v1);
      clock += 1;
      const v2 = first.version();
      expect(v2).not.toBe(v1);
      // Nothing new: the next check finds the same data_version and keeps the generation.
      clock += EXTERNAL_CHECK_MS;
      expect(first.version()).toBe(v2);
      // A clock that goes back forces a check rather than trusting an interval it cannot measure.
      second.transaction(() => second.prepare('INSERT INTO t VALUES (3)').run());
      clock -= 1;
      expect(first.version()).not.toBe(v2);
      first.close();
      second.close();
    },
  );

  it.skipIf(!present)(
    `sees another connection commit with the real clock once EXTERNAL_CHECK_MS has passed${note}`,
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'helixctl-sqlite-'));
      const first = open('real-clock.db');
      const second = open('real-clock.db');
      first.exec('CREATE TABLE t (v INTEGER)');
      const v0 = first.version();
      second.transaction(() => second.prepare('INSERT INTO t VALUES (1)').run());
      await new Promise((resolve) => setTimeout(resolve, EXTERNAL_CHECK_MS + 5));
      expect(first.version()).not.toBe(v0);
      first.close();
      second.close();
    },
  );

  it.skipIf(!present)(
    `takes the write lock at BEGIN: a second connection cannot write meanwhile${note}`,
    () => {
      dir = mkdtempSync(join(tmpdir(), 'helixctl-sqlite-'));
      const first = open('shared.db');
      const second = open('shared.db', 0);
      first.exec('CREATE TABLE t (v INTEGER)');
      first.transaction(() => {
        // BEGIN IMMEDIATE holds the reserved lock: the other connection's BEGIN IMMEDIATE fails
        // (busy) instead of both reading a count and then both inserting.
        expect(() => second.transaction(() => undefined)).toThrow(/locked|busy/i);
      });
      expect(() =>
        second.transaction(() => second.prepare('INSERT INTO t VALUES (1)').run()),
      ).not.toThrow();
      first.close();
      second.close();
    },
  );
});
