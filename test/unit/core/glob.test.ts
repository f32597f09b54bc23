import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGlobPattern, matchGlob } from '../../../src/core/glob.js';

describe('matchGlob', () => {
  it.each([
    ['ci-*', 'ci-pipeline', true],
    ['ci-*', 'ci-', true],
    ['ci-*', 'CI-pipeline', false],
    ['*-prod', 'api-prod', true],
    ['*-prod', 'api-production', false],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['?', '🚀', true],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['**x', 'abcx', true],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['literal\\*', 'literal*', true],
    ['literal\\*', 'literalX', false],
    ['what\\?', 'what?', true],
    ['[ab]', '[ab]', true],
    ['[ab]', 'a', false],
  ])('%j against %j is %s', (pattern, name, expected) => {
    expect(matchGlob(pattern, name)).toBe(expected);
  });

  it('can ignore case', () => {
    expect(matchGlob('ci-*', 'CI-Pipeline', { ignoreCase: true })).toBe(true);
  });

  it('handles adversarial patterns quickly enough to finish', () => {
    expect(matchGlob(`${'*a'.repeat(50)}b`, 'a'.repeat(5000))).toBe(false);
  });

  it('a literal name matches itself, and * matches anything (property)', () => {
    const literal = fc.string().filter((s) => !/[*?\\]/.test(s));
    fc.assert(
      fc.property(literal, fc.string(), (name, other) => {
        expect(matchGlob(name, name)).toBe(true);
        expect(matchGlob('*', other)).toBe(true);
        expect(matchGlob(`${name}*`, name + other)).toBe(true);
        expect(matchGlob(`*${name}`, other + name)).toBe(true);
      }),
    );
  });

  it('tells patterns from plain names', () => {
    expect(isGlobPattern('ci-*')).toBe(true);
    expect(isGlobPattern('a?')).toBe(true);
    expect(isGlobPattern('plain')).toBe(false);
    expect(isGlobPattern('esc\\*')).toBe(false);
  });
});
