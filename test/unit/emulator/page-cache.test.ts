import { describe, expect, it } from 'vitest';
import { PageCache } from '../../../src/emulator/services/page-cache.js';

const text = (body: Uint8Array | undefined) =>
  body === undefined ? undefined : Buffer.from(body).toString();
const entry = (body: string) => ({
  version: 1,
  builtAt: 100,
  validUntil: 200,
  body: new TextEncoder().encode(body),
});

describe('PageCache', () => {
  it('serves an entry while the version matches and the clock is inside its window', () => {
    const cache = new PageCache();
    cache.set('k', entry('page'));
    expect(text(cache.get('k', 1, 150))).toBe('page');
    expect(cache.get('k', 2, 150)).toBeUndefined();
    // The stale entry was dropped: even the old version no longer finds it.
    expect(cache.get('k', 1, 150)).toBeUndefined();
  });

  it('drops an entry once the clock reaches its end or goes back before it was built', () => {
    const cache = new PageCache();
    cache.set('a', entry('a'));
    expect(cache.get('a', 1, 200)).toBeUndefined();
    cache.set('b', entry('b'));
    expect(cache.get('b', 1, 99)).toBeUndefined();
  });

  it('starts afresh when full', () => {
    const cache = new PageCache(2);
    cache.set('a', entry('a'));
    cache.set('b', entry('b'));
    cache.set('c', entry('c'));
    expect(cache.get('a', 1, 150)).toBeUndefined();
    expect(text(cache.get('c', 1, 150))).toBe('c');
  });

  it('keeps nothing with capacity 0 (the emulator option pageCache: false)', () => {
    const cache = new PageCache(0);
    cache.set('k', entry('page'));
    expect(cache.get('k', 1, 150)).toBeUndefined();
  });
});
