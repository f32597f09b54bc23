import { createHash } from 'node:crypto';
import type { Caller } from './caller.js';

interface Entry {
  caller: Caller;
  builtAt: number;
  /** The first instant (emulator clock, ms) at which the verdict may differ: exclusive. */
  validUntil: number;
}

/** Tokens kept by default; the least recently used goes first when full. */
export const DEFAULT_AUTH_CACHE_ENTRIES = 1024;

/**
 * The callers of bearer tokens verified recently, keyed by the SHA-256 of the token (the
 * token itself is not kept as a key). An entry holds only while the database version is the
 * one it was verified at (any write, here or, within the store's staleness bound, by another
 * process, clears the whole cache: a deactivated, deleted or rotated key, a disabled user, a
 * changed group or role all are writes) and the clock is inside `[builtAt, validUntil)`: the
 * token's `exp`, the key's expiry and the end of an old key's grace. Failures are never cached.
 */
export class AuthCache {
  readonly #entries = new Map<string, Entry>();
  readonly #capacity: number;
  #version: number | undefined;

  /** `capacity` 0 turns the cache off (every request verifies). */
  constructor(capacity = DEFAULT_AUTH_CACHE_ENTRIES) {
    this.#capacity = capacity;
  }

  /** The cache key of a token. */
  static idOf(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  get(id: string, version: number, now: number): Caller | undefined {
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
      return undefined;
    }
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    this.#entries.delete(id);
    if (now < entry.builtAt || now >= entry.validUntil) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
    this.#entries.set(id, entry);
    return entry.caller;
  }

  set(id: string, version: number, entry: Entry): void {
    if (this.#capacity <= 0) return;
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    this.#entries.delete(id);
    if (this.#entries.size >= this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(id, entry);
  }

  get size(): number {
    return this.#entries.size;
  }
}
