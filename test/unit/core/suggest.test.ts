import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../../src/core/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('prd', 'prod')).toBe(1);
    expect(editDistance('prod', 'prd')).toBe(1);
    expect(editDistance('stage', 'stgae')).toBe(1);
    expect(editDistance('dev', 'dxx')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('closestName', () => {
  const saved = ['local', 'prod', 'production-eu', 'stage'];

  it('suggests the closest saved name within 2 edits', () => {
    expect(closestName('prd', saved)).toBe('prod');
    expect(closestName('stgae', saved)).toBe('stage');
    expect(closestName('lcoal', saved)).toBe('local');
  });

  it('suggests a name the input starts', () => {
    expect(closestName('production', saved)).toBe('production-eu');
  });

  it('suggests nothing when nothing is close, or the input is itself a name', () => {
    expect(closestName('ghost', saved)).toBeUndefined();
    expect(closestName('prod', saved)).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });

  it('breaks ties alphabetically', () => {
    expect(closestName('ab', ['ac', 'aa'])).toBe('aa');
  });
});
