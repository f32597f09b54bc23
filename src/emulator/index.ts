import { buildApp } from './app.js';
import type { Emulator } from './emulator.js';
import { countTenants, TenantCache } from './repos/tenants.js';
import { pruneRefreshTokens } from './repos/tokens.js';
import { adminPending, clearAdminPending, issueAdminKey } from './services/admin-credential.js';
import { AuthCache } from './services/auth-cache.js';
import { bootstrap } from './services/bootstrap.js';
import { createClock } from './services/clock.js';
import { DEFAULT_TOKEN_TTL, type EmulatorContext, type TokenTtl } from './services/context.js';
import { Notifier } from './services/notifier.js';
import { PageCache } from './services/page-cache.js';
import { applySeed } from './services/seed/apply.js';
import { parseSeed } from './services/seed/parse.js';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottleOptions } from './services/throttle.js';
import { ensurePrivateDbFile } from './store/db-file.js';
import { migrate } from './store/migrations.js';
import { type Database, openDatabase } from './store/sqlite.js';

export type { Credential } from '../core/credential.js';
export type { Emulator } from './emulator.js';
export {
  type ListeningServer,
  listenFirst,
  type RunningServer,
  type ServerOptions,
  startServer,
} from './server.js';
export type { BootstrapResult } from './services/bootstrap.js';
export type { EmulatorClock } from './services/clock.js';
export { SeedError } from './services/seed/types.js';

export interface EmulatorOptions {
  /** SQLite file, or `:memory:` (the default). */
  db?: string | undefined;
  /** A parsed seed file, applied instead of the bootstrap when the database is empty. */
  seed?: unknown;
  /** A frozen clock moved through `/__emulator/clock`. */
  testClock?: boolean | undefined;
  /** Initial time (both clocks). */
  now?: Date | number | undefined;
  /** One line per request: method, path, status, ms. Never bodies, headers or secrets. */
  log?: ((line: string) => void) | undefined;
  /** Unexpected errors, with their stack (never sent to the client); defaults to `log`. */
  logError?: ((line: string) => void) | undefined;
  /** Artificial delay per request, for benchmarks and fault tests. */
  latencyMs?: number | undefined;
  /** Reuse serialized list pages while nothing changed (default true; false for benchmarks). */
  pageCache?: boolean | undefined;
  /** Reuse the caller of a verified bearer token while nothing changed (default true). */
  authCache?: boolean | undefined;
  throttle?: Partial<ThrottleOptions> | undefined;
  tokenTtl?: Partial<TokenTtl> | undefined;
  /** Force the SQLite driver (tests). */
  driver?: 'node:sqlite' | 'better-sqlite3' | undefined;
}

function initialize(db: Database, seed: unknown, now: number) {
  const parsed = seed === undefined ? undefined : parseSeed(seed);
  // In one immediate transaction: two processes opening the same new file set it up once.
  return db.transaction(() => {
    if (countTenants(db) > 0) return { initialized: 'existing' as const, tenants: [] };
    if (parsed) return { initialized: 'seed' as const, tenants: applySeed(db, parsed, now) };
    const result = bootstrap(db, now);
    return { initialized: 'bootstrap' as const, tenants: [], bootstrap: result };
  });
}

/** Opens (or creates) an emulator over a SQLite database. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = createClock({ testClock: options.testClock, now: options.now });
  const path = options.db ?? ':memory:';
  ensurePrivateDbFile(path);
  const db = openDatabase(path, options.driver ? { driver: options.driver } : {});
  let closed = false;
  try {
    migrate(db, clock.now());
    const init = initialize(db, options.seed, clock.now());
    // Planner statistics: without them a filtered list walks the sort index over every key.
    db.exec('PRAGMA analysis_limit = 400');
    db.exec('PRAGMA optimize = 0x10002');
    const ctx: EmulatorContext = {
      db,
      clock,
      tenants: new TenantCache(db),
      throttle: new LoginThrottle({ ...DEFAULT_THROTTLE, ...options.throttle }),
      notifier: new Notifier(db, clock),
      tokenTtl: { ...DEFAULT_TOKEN_TTL, ...options.tokenTtl },
      pages: new PageCache(options.pageCache === false ? 0 : undefined),
      auth: new AuthCache(options.authCache === false ? 0 : undefined),
    };
    const app = buildApp(ctx, {
      log: options.log,
      logError: options.logError,
      latencyMs: options.latencyMs,
      info: () => ({ driver: db.driver, test_clock: clock.adjustable }),
    });
    return {
      app,
      fetch: async (input, init) =>
        app.fetch(
          input instanceof Request && init === undefined ? input : new Request(input, init),
        ),
      ...(init.bootstrap ? { bootstrap: init.bootstrap } : {}),
      initialized: init.initialized,
      seededTenantIds: init.tenants,
      clock,
      driver: db.driver,
      adminCredentialPending: () => adminPending(db),
      adminCredentialDelivered: () => db.transaction(() => clearAdminPending(db)),
      issueAdminCredential: () => issueAdminKey(db, clock.now()),
      sweep() {
        ctx.notifier.sweep();
        db.transaction(() => pruneRefreshTokens(db, clock.now()));
        db.exec('PRAGMA optimize');
      },
      close() {
        if (closed) return;
        closed = true;
        db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
