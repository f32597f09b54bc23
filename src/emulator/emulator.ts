import type { Hono } from 'hono';
import type { Credential } from '../core/credential.js';
import type { BootstrapResult } from './services/bootstrap.js';
import type { EmulatorClock } from './services/clock.js';
import type { Database } from './store/sqlite.js';

/** A running emulator, as `createEmulator` returns it and `startServer` serves it. */
export interface Emulator {
  readonly app: Hono;
  /**
   * `app.fetch` as a Promise (ky needs one), for in-process use without a port; takes what
   * the global `fetch` takes, so it can be handed to ky as its `fetch`.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Set when this start bootstrapped an empty database: the admin secret, once. */
  readonly bootstrap?: BootstrapResult;
  /** What the start did: bootstrap, seed, or open an existing database. */
  readonly initialized: 'bootstrap' | 'seed' | 'existing';
  /** Tenant ids, in creation order, of what the seed made (empty otherwise). */
  readonly seededTenantIds: readonly string[];
  readonly clock: EmulatorClock;
  readonly driver: Database['driver'];
  /**
   * True while an administrator credential was created (by the bootstrap) but its delivery
   * was never confirmed with {@link adminCredentialDelivered}.
   */
  adminCredentialPending(): boolean;
  /** The credential line was written (serve) or stored (local): forget the pending state. */
  adminCredentialDelivered(): void;
  /**
   * A fresh administrator key in the bootstrap tenant, every other key untouched; undefined
   * when the database has no bootstrap administrator (a seeded database).
   */
  issueAdminCredential(): Credential | undefined;
  /** Expiry notices and refresh-token pruning; `serve` runs it on a timer. */
  sweep(): void;
  /** Checkpoints the WAL and closes the database. Idempotent. */
  close(): void;
}
