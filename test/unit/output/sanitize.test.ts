import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  escapeTsv,
  sanitizeInline,
  sanitizeMessage,
} from '../../../src/output/sanitize.js';

const ESC = '\u001b';
// Any C0, DEL, C1 or bidi control: what must never reach a terminal raw.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the test
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('sanitize', () => {
  it('makes escape sequences visible instead of executable', () => {
    expect(sanitizeInline(`evil${ESC}[2Jkey`)).toBe('evil\\x1b[2Jkey');
    expect(sanitizeInline('a\u009b31mb')).toBe('a\\x9b31mb');
    expect(sanitizeInline('bell\u0007')).toBe('bell\\x07');
    expect(sanitizeInline('del\u007f')).toBe('del\\x7f');
    expect(sanitizeInline('rtl\u202eevil')).toBe('rtl\\u202eevil');
  });

  it('escapes tab, newline and CR inline, keeps tab and newline in messages', () => {
    expect(sanitizeInline('a\tb\nc\rd')).toBe('a\\tb\\nc\\rd');
    expect(sanitizeMessage('a\tb\nc\rd')).toBe('a\tb\nc\\rd');
  });

  it('leaves ordinary text, including non-ASCII, untouched', () => {
    expect(sanitizeInline('clé-ключ-鍵 ✓')).toBe('clé-ключ-鍵 ✓');
  });

  it('never lets a control character through (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(sanitizeInline(text)).not.toMatch(CONTROL);
        expect(escapeTsv(text)).not.toMatch(CONTROL);
        expect(sanitizeMessage(text).replace(/[\t\n]/g, '')).not.toMatch(CONTROL);
      }),
    );
  });

  it('escapes TSV fields reversibly', () => {
    expect(escapeTsv('a\tb\nc\\d')).toBe('a\\tb\\nc\\\\d');
    const unescapeTsv = (s: string) =>
      s.replace(/\\(\\|t|n|r|x[0-9a-f]{2}|u[0-9a-f]{4})/g, (_, e: string) => {
        if (e === '\\') return '\\';
        if (e === 't') return '\t';
        if (e === 'n') return '\n';
        if (e === 'r') return '\r';
        return String.fromCharCode(Number.parseInt(e.slice(1), 16));
      });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeTsv(text);
        expect(escaped).not.toMatch(/[\t\n]/);
        expect(unescapeTsv(escaped)).toBe(text);
      }),
    );
  });

  it('turns cell values into text', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText(3)).toBe('3');
    expect(cellText(false)).toBe('false');
    expect(cellText(['a', 'b'])).toBe('a,b');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(new Date(Date.UTC(2027, 0, 31)))).toBe('2027-01-31T00:00:00.000Z');
  });
});
