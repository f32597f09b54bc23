import type { TenantCache } from '../repos/tenants.js';
import type { Database } from '../store/sqlite.js';
import type { AuthCache } from './auth-cache.js';
import type { EmulatorClock } from './clock.js';
import type { Notifier } from './notifier.js';
import type { PageCache } from './page-cache.js';
import type { LoginThrottle } from './throttle.js';

/** Token lifetimes, in seconds. */
export interface TokenTtl {
  accessSeconds: number;
  refreshSeconds: number;
}

export const DEFAULT_TOKEN_TTL: TokenTtl = { accessSeconds: 15 * 60, refreshSeconds: 24 * 3600 };

/** Everything a service needs, built once per emulator. */
export interface EmulatorContext {
  readonly db: Database;
  readonly clock: EmulatorClock;
  readonly tenants: TenantCache;
  readonly throttle: LoginThrottle;
  readonly notifier: Notifier;
  readonly tokenTtl: TokenTtl;
  readonly pages: PageCache;
  /** Callers of recently verified bearer tokens. */
  readonly auth: AuthCache;
}
