import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { quoteForMessage, validateDescription, validateKeyName } from '../../../src/core/names.js';

describe('validateKeyName', () => {
  it('trims and keeps ordinary names, unicode included', () => {
    expect(validateKeyName('  ci-pipeline ')).toBe('ci-pipeline');
    expect(validateKeyName('clé de déploiement 🚀')).toBe('clé de déploiement 🚀');
    expect(validateKeyName('1234567890@1700000000000')).toBe('1234567890@1700000000000');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(validateKeyName('🚀'.repeat(128))).toHaveLength(256);
    expect(() => validateKeyName('🚀'.repeat(129))).toThrow(/129 characters, at most 128/);
    expect(validateKeyName('a'.repeat(128))).toHaveLength(128);
  });

  it.each([
    ['', /key name is empty/],
    ['   ', /key name is empty/],
    ['a'.repeat(129), /too long: 129 characters/],
    ['ci\u001b[31mred', /control character \(U\+001B\) at position 3/],
    ['tab\there', /U\+0009/],
    ['new\nline', /U\+000A/],
    ['del\u007f', /U\+007F/],
    ['c1\u009bcsi', /U\+009B/],
    ['admin\u202Egpj.exe', /U\+202E/],
    ['line\u2028sep', /U\+2028/],
    ['\u200b', /U\+200B/],
    ['\ufeffbom', /\(U\+FEFF\) at position 1/],
  ])('refuses %j', (name, message) => {
    expect(() => validateKeyName(name)).toThrow(UsageError);
    expect(() => validateKeyName(name)).toThrow(message);
  });

  it('never echoes a huge input', () => {
    const huge = 'x'.repeat(10_000);
    expect(() => validateKeyName(huge)).toThrow(
      /^key name is too long: 10000 characters, at most 128$/,
    );
  });

  it('accepts or refuses, never returns something unsafe (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        let result: string;
        try {
          result = validateKeyName(name);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect((error as Error).message).not.toMatch(/\p{Cc}/u);
          return;
        }
        expect(result).toBe(result.trim());
        expect(result.length).toBeGreaterThan(0);
        expect(result).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
      }),
    );
  });
});

describe('validateDescription', () => {
  it('allows empty (clears it) and up to 1000 characters', () => {
    expect(validateDescription('')).toBe('');
    expect(validateDescription(' used by CI ')).toBe('used by CI');
    expect(validateDescription('d'.repeat(1000))).toHaveLength(1000);
  });

  it('refuses control characters, newlines included, and overlong text', () => {
    expect(() => validateDescription('two\nlines')).toThrow(
      /description contains a control character/,
    );
    expect(() => validateDescription('d'.repeat(1001))).toThrow(/1001 characters, at most 1000/);
  });
});

describe('quoteForMessage', () => {
  it('quotes and escapes', () => {
    expect(quoteForMessage('plain')).toBe('"plain"');
    expect(quoteForMessage('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
    expect(quoteForMessage('\u001b[2J\u009b\u202e')).toBe('"\\x1b[2J\\x9b\\u202e"');
  });

  it('truncates by characters, noting the full length', () => {
    expect(quoteForMessage('x'.repeat(10_000))).toBe(`"${'x'.repeat(40)}…" (10000 characters)`);
    expect(quoteForMessage('🚀'.repeat(5), 3)).toBe('"🚀🚀🚀…" (5 characters)');
  });

  it('output holds no control character and stays short (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        const quoted = quoteForMessage(text);
        expect(quoted).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
        expect(Array.from(quoted).length).toBeLessThan(40 * 6 + 30);
      }),
    );
  });
});
