/** Failed-login limits: per access key and per client address, within one window. */
export interface ThrottleOptions {
  perKey: number;
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { perKey: 5, perAddress: 20, windowSeconds: 60 };

interface Window {
  start: number;
  failures: number;
}

// Bounded memory: beyond this many tracked keys or addresses, finished windows are dropped.
const PRUNE_ABOVE = 10_000;

/**
 * Login throttling, in memory (a throttled attempt costs no database work). A window opens at
 * the first failure; once `perKey` failures for one access key (or `perAddress` for one client
 * address) fall inside it, logins are refused until it ends, whatever the credentials.
 */
export class LoginThrottle {
  readonly #options: ThrottleOptions;
  readonly #keys = new Map<string, Window>();
  readonly #addresses = new Map<string, Window>();

  constructor(options: ThrottleOptions = DEFAULT_THROTTLE) {
    this.#options = options;
  }

  /** Seconds to wait before retrying, or undefined when a login may be attempted. */
  retryAfter(accessKey: string, address: string, now: number): number | undefined {
    const waits = [
      this.#wait(this.#keys.get(accessKey), this.#options.perKey, now),
      this.#wait(this.#addresses.get(address), this.#options.perAddress, now),
    ].filter((w): w is number => w !== undefined);
    return waits.length > 0 ? Math.max(...waits) : undefined;
  }

  recordFailure(accessKey: string, address: string, now: number): void {
    this.#bump(this.#keys, accessKey, now);
    this.#bump(this.#addresses, address, now);
  }

  /** A successful login clears the key's count (not the address's). */
  recordSuccess(accessKey: string): void {
    this.#keys.delete(accessKey);
  }

  #wait(window: Window | undefined, limit: number, now: number): number | undefined {
    if (!window || window.failures < limit) return undefined;
    const end = window.start + this.#options.windowSeconds * 1000;
    return now < end ? Math.max(1, Math.ceil((end - now) / 1000)) : undefined;
  }

  #bump(map: Map<string, Window>, id: string, now: number): void {
    const windowMs = this.#options.windowSeconds * 1000;
    const current = map.get(id);
    if (current && now < current.start + windowMs) current.failures += 1;
    else map.set(id, { start: now, failures: 1 });
    if (map.size > PRUNE_ABOVE) {
      for (const [k, w] of map) if (now >= w.start + windowMs) map.delete(k);
    }
  }
}
