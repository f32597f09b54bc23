interface Entry {
  version: number;
  builtAt: number;
  validUntil: number;
  /** UTF-8 bytes: encoded once, so a hit costs no per-request encoding or length scan. */
  body: Uint8Array<ArrayBuffer>;
}

/** Entries kept by default; the cache is cleared when it is full (pages are cheap to rebuild). */
export const DEFAULT_PAGE_CACHE_ENTRIES = 512;

/**
 * Serialized list pages, reused while nothing could have changed them: the database version
 * (this connection's commits at once, other processes' commits within `EXTERNAL_CHECK_MS`) is
 * the same, and the clock has not reached the first instant at which a record would read
 * differently (an expiry passing, a grace period ending). Lists are what clients poll, and a
 * page of 100 records costs far more to read and serialize than to hand back.
 */
export class PageCache {
  readonly #entries = new Map<string, Entry>();
  readonly #capacity: number;

  /** `capacity` 0 turns the cache off (benchmarks of the uncached path). */
  constructor(capacity = DEFAULT_PAGE_CACHE_ENTRIES) {
    this.#capacity = capacity;
  }

  get(key: string, version: number, now: number): Uint8Array<ArrayBuffer> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.version === version && now >= entry.builtAt && now < entry.validUntil)
      return entry.body;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, entry: Entry): void {
    if (this.#capacity <= 0) return;
    if (this.#entries.size >= this.#capacity) this.#entries.clear();
    this.#entries.set(key, entry);
  }
}
