import { createRequire } from 'node:module';

/** A value SQLite can bind. Booleans are not accepted by better-sqlite3: pass 0/1. */
export type SqlValue = string | number | bigint | null | Uint8Array;
export type Row = Record<string, SqlValue>;

/** A prepared statement held for the life of the database. */
export interface Statement {
  run(...params: SqlValue[]): { changes: number | bigint };
  get<T = Row>(...params: SqlValue[]): T | undefined;
  all<T = Row>(...params: SqlValue[]): T[];
}

/** A prepared query whose rows are arrays of values, in the order of its columns. */
export interface ValuesStatement {
  all(...params: SqlValue[]): SqlValue[][];
}

/** The tiny surface the emulator uses, identical on node:sqlite and better-sqlite3. */
export interface Database {
  readonly driver: 'node:sqlite' | 'better-sqlite3';
  /** Prepared once per SQL text and cached, so no statement is ever garbage-collected. */
  prepare(sql: string): Statement;
  /**
   * Like `prepare`, for queries whose rows are read by position: the drivers build an object
   * per row through the engine's slow path, which on a page of keys costs about as much as
   * the query itself. Held like `prepare`'s statements.
   */
  prepareValues(sql: string): ValuesStatement;
  exec(sql: string): void;
  /** Runs `fn` in `BEGIN IMMEDIATE`; nested calls join the outer transaction. */
  transaction<T>(fn: () => T): T;
  /**
   * A generation that changes whenever data may have changed: on every commit of this
   * connection at once, and on a commit of any other connection to the same file (another
   * `helixctl serve`, the `local` profile) within `EXTERNAL_CHECK_MS`: `PRAGMA data_version`
   * is read at most once per that interval (docs/design.md §4). Costs a clock read otherwise.
   */
  version(): number;
  close(): void;
}

export interface OpenOptions {
  /** Force a driver (tests); by default node:sqlite when the runtime has it. */
  driver?: 'node:sqlite' | 'better-sqlite3';
  /** How long a writer waits for another connection's lock, in ms. */
  busyTimeoutMs?: number;
  /** Monotonic ms for the `data_version` interval (tests); `performance.now` by default. */
  monotonicNow?: () => number;
}

/**
 * The longest time, in ms, for which `version()` may miss another connection's commit: the
 * staleness bound of everything cached on it (list pages, verified tokens). Reading
 * `PRAGMA data_version` on every request was a statement per cached list hit (docs/performance.md).
 */
export const EXTERNAL_CHECK_MS = 50;

// Minimal declarations: our @types/node is 20, which has no node:sqlite.
interface NativeStatement {
  run(...params: SqlValue[]): { changes: number | bigint };
  get(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): unknown[];
  /** better-sqlite3: rows as arrays. */
  raw?(toggle: boolean): unknown;
  /** node:sqlite (Node 22.16+, 24): rows as arrays. */
  setReturnArrays?(enabled: boolean): void;
}
interface NativeDatabase {
  prepare(sql: string): NativeStatement;
  exec(sql: string): unknown;
  close(): unknown;
}
type NativeCtor = new (path: string) => NativeDatabase;

function loadNodeSqlite(): NativeCtor | undefined {
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const mod = getBuiltin?.call(process, 'node:sqlite') as { DatabaseSync?: NativeCtor } | undefined;
  return mod?.DatabaseSync;
}

function loadBetterSqlite(): NativeCtor {
  // Lazy and synchronous: only runtimes without node:sqlite (Node 20) pay for the native module.
  const require = createRequire(import.meta.url);
  return require('better-sqlite3') as NativeCtor;
}

function pickDriver(forced: OpenOptions['driver']): [Database['driver'], NativeCtor] {
  if (forced === 'better-sqlite3') return ['better-sqlite3', loadBetterSqlite()];
  const nodeSqlite = loadNodeSqlite();
  if (nodeSqlite) return ['node:sqlite', nodeSqlite];
  if (forced === 'node:sqlite') throw new Error('node:sqlite is not available in this Node.js');
  return ['better-sqlite3', loadBetterSqlite()];
}

/**
 * Opens (creating if needed) a SQLite database at `path` (or `:memory:`) with WAL, a busy
 * timeout, foreign keys on and temporary storage in memory. PRAGMAs go through `exec`: better-sqlite3's `pragma()` prepares
 * a throw-away statement, and a collected statement aborts Node 24 with better-sqlite3 12.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const [driver, Ctor] = pickDriver(options.driver);
  const native = new Ctor(path);
  native.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  native.exec('PRAGMA journal_mode = WAL');
  native.exec('PRAGMA synchronous = NORMAL');
  native.exec('PRAGMA foreign_keys = ON');
  // Temporary tables, transient indices and statement journals in memory: no `etilqs_*` file in
  // the user's temp folder, where one killed mid-write (Ctrl-C on serve) would be left behind.
  native.exec('PRAGMA temp_store = MEMORY');
  const statements = new Map<string, Statement>();
  const valueStatements = new Map<string, ValuesStatement>();
  const dataVersion = native.prepare('PRAGMA data_version');
  const readDataVersion = () =>
    (dataVersion.get() as { data_version: number } | undefined)?.data_version ?? 0;
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  let depth = 0;
  let generation = 0;
  let seenDataVersion = readDataVersion();
  let checkedAt = monotonicNow();
  return {
    driver,
    prepare(sql) {
      let held = statements.get(sql);
      if (!held) {
        held = native.prepare(sql) as Statement;
        statements.set(sql, held);
      }
      return held;
    },
    prepareValues(sql) {
      let held = valueStatements.get(sql);
      if (!held) {
        held = valuesStatement(native.prepare(sql));
        valueStatements.set(sql, held);
      }
      return held;
    },
    exec(sql) {
      native.exec(sql);
    },
    transaction(fn) {
      if (depth > 0) return fn();
      native.exec('BEGIN IMMEDIATE');
      depth += 1;
      try {
        const result = fn();
        native.exec('COMMIT');
        generation += 1;
        return result;
      } catch (error) {
        rollbackQuietly(native);
        throw error;
      } finally {
        depth -= 1;
      }
    },
    version() {
      const now = monotonicNow();
      // A commit by another connection before `checkedAt` was seen then; one after it is seen
      // by the first call at or after `checkedAt + EXTERNAL_CHECK_MS`.
      if (now - checkedAt >= EXTERNAL_CHECK_MS || now < checkedAt) {
        checkedAt = now;
        const current = readDataVersion();
        if (current !== seenDataVersion) {
          seenDataVersion = current;
          generation += 1;
        }
      }
      return generation;
    },
    close() {
      native.close();
    },
  };
}

function valuesStatement(statement: NativeStatement): ValuesStatement {
  const all = (...params: SqlValue[]) => statement.all(...params) as SqlValue[][];
  if (statement.raw) {
    statement.raw(true);
    return { all };
  }
  if (statement.setReturnArrays) {
    statement.setReturnArrays(true);
    return { all };
  }
  // node:sqlite before 22.16: objects, whose values are in column order.
  return { all: (...params) => statement.all(...params).map((row) => Object.values(row as Row)) };
}

/** SQLite may already have rolled back (e.g. after SQLITE_FULL); the first error is the one to report. */
function rollbackQuietly(native: NativeDatabase): void {
  try {
    native.exec('ROLLBACK');
  } catch {
    // no transaction left to roll back
  }
}
