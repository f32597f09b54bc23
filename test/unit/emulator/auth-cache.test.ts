import { describe, expect, it } from 'vitest';
import { AuthCache } from '../../../src/emulator/services/auth-cache.js';
import type { Caller } from '../../../src/emulator/services/caller.js';

const caller = (name: string) => ({ tenantId: name }) as unknown as Caller;
const entry = (name: string) => ({ caller: caller(name), builtAt: 100, validUntil: 200 });

describe('AuthCache', () => {
  it('keys tokens by their SHA-256, never by the token text', () => {
    const id = AuthCache.idOf('a.b.c');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain('a.b.c');
    expect(AuthCache.idOf('a.b.c')).toBe(id);
    expect(AuthCache.idOf('a.b.d')).not.toBe(id);
  });

  it('serves an entry while the version matches and the clock is inside [builtAt, validUntil)', () => {
    const cache = new AuthCache();
    cache.set('t', 1, entry('x'));
    expect(cache.get('t', 1, 100)?.tenantId).toBe('x');
    expect(cache.get('t', 1, 199)?.tenantId).toBe('x');
    expect(cache.get('t', 1, 200)).toBeUndefined();
    cache.set('t', 1, entry('x'));
    expect(cache.get('t', 1, 99)).toBeUndefined();
    // Dropped once out of its window, even when the clock comes back.
    expect(cache.get('t', 1, 150)).toBeUndefined();
  });

  it('forgets every entry when the database version changes', () => {
    const cache = new AuthCache();
    cache.set('a', 1, entry('a'));
    cache.set('b', 1, entry('b'));
    expect(cache.get('a', 2, 150)).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.get('b', 1, 150)).toBeUndefined();
    cache.set('c', 3, entry('c'));
    expect(cache.get('c', 3, 150)?.tenantId).toBe('c');
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new AuthCache(2);
    cache.set('a', 1, entry('a'));
    cache.set('b', 1, entry('b'));
    expect(cache.get('a', 1, 150)).toBeDefined();
    cache.set('c', 1, entry('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('b', 1, 150)).toBeUndefined();
    expect(cache.get('a', 1, 150)?.tenantId).toBe('a');
    expect(cache.get('c', 1, 150)?.tenantId).toBe('c');
  });

  it('keeps nothing with capacity 0', () => {
    const cache = new AuthCache(0);
    cache.set('a', 1, entry('a'));
    expect(cache.get('a', 1, 150)).toBeUndefined();
  });
});
