import { Chalk } from 'chalk';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { type Column, fitColumns } from '../../../src/output/columns.js';
import { renderTable } from '../../../src/output/table.js';
import { cutToWidth, textWidth } from '../../../src/output/text-width.js';

const FAMILY = '👨‍👩‍👧‍👦'; // four people joined by ZWJ: one grapheme, two columns
const CAFE = 'cafe\u0301'; // e + combining acute: five code points, four columns
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

describe('textWidth: terminal columns, not code points', () => {
  it('ASCII is one column a character', () => {
    expect(textWidth('H3IHLQ4W0Z7B2D1K8M5N6P9R3S2T4V')).toBe(30);
    expect(textWidth('')).toBe(0);
  });

  it('CJK takes two columns, emoji two, a ZWJ family two, combining marks none', () => {
    expect(textWidth('鍵の名前')).toBe(8);
    expect(textWidth('🔑 deploy')).toBe(9);
    expect(textWidth(FAMILY)).toBe(2);
    expect(textWidth(CAFE)).toBe(4);
    expect(textWidth('…')).toBe(1);
  });
});

describe('textWidth agrees with string-width on mixed text (property)', () => {
  it('ASCII runs counted directly, other runs measured with the character they attach to', () => {
    const pieces = [
      'a',
      'Z',
      '-',
      ' ',
      '1',
      '鍵',
      'の',
      '🔑',
      FAMILY,
      '\u0301',
      '\u200d',
      '\ufe0f',
      '\u20e3',
      '🇫🇷',
      '👍🏽',
      'é',
      '한',
      '\u1100\u1161',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(textWidth(text)).toBe(stringWidth(text, { countAnsiEscapeCodes: true }));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cutToWidth: by display width, never inside a grapheme', () => {
  it('leaves text that fits alone', () => {
    expect(cutToWidth('deploy', 6)).toBe('deploy');
    expect(cutToWidth('鍵の名前', 8)).toBe('鍵の名前');
  });

  it('cuts ASCII and ends with …', () => {
    expect(cutToWidth('deploy-production', 8)).toBe('deploy-…');
  });

  it('a wide character straddling the limit is dropped whole: never wider than asked', () => {
    // 鍵の名 (6) and … fill 7 columns; at 6, 名 would straddle the limit and goes.
    expect(cutToWidth('鍵の名前', 7)).toBe('鍵の名…');
    expect(cutToWidth('鍵の名前', 6)).toBe('鍵の…');
    expect(textWidth(cutToWidth('鍵の名前', 6))).toBe(5);
  });

  it('keeps a surrogate pair, a ZWJ sequence and a combining mark whole', () => {
    expect(cutToWidth('🔑 deploy', 4)).toBe('🔑 …');
    expect(cutToWidth('🔑🔑🔑', 2)).toBe('…');
    expect(cutToWidth(`${FAMILY}${FAMILY}x`, 4)).toBe(`${FAMILY}…`);
    expect(cutToWidth(`${CAFE}-au-lait`, 5)).toBe(`${CAFE}…`);
    for (const text of ['🔑 deploy', `${FAMILY}${FAMILY}${FAMILY}`, `${CAFE}${CAFE}`, '鍵の名前']) {
      for (let width = 1; width <= textWidth(text); width++) {
        const cut = cutToWidth(text, width);
        expect(textWidth(cut)).toBeLessThanOrEqual(width);
        // What is kept is a run of whole graphemes from the start: no lone surrogate, no
        // joiner or combining mark cut off its character.
        expect(cut).not.toMatch(/\p{Surrogate}/u);
        const kept = cut.endsWith('…') && cut !== text ? cut.slice(0, -1) : cut;
        const whole = [...graphemes.segment(text)].map((g) => g.segment);
        const prefixes = whole.map((_, i) => whole.slice(0, i).join(''));
        expect([...prefixes, text]).toContain(kept);
      }
    }
  });
});

describe('renderTable with wide characters', () => {
  interface Row {
    name: string;
    key: string;
  }
  const columns: Column<Row>[] = [
    { header: 'NAME', value: 'name' },
    { header: 'ACCESS KEY', value: 'key', fit: { keep: true } },
  ];
  const rows: Row[] = [
    { name: '鍵の名前', key: 'AAAA' },
    { name: '🔑 deploy', key: 'BBBB' },
    { name: FAMILY, key: 'CCCC' },
    { name: CAFE, key: 'DDDD' },
    { name: 'ascii', key: 'EEEE' },
  ];
  const chalk = new Chalk({ level: 0 });

  it('lines the next column up at the same display column on every row', async () => {
    const lines = (await renderTable(rows, columns, { chalk })).trimEnd().split('\n');
    const starts = lines.map((line) =>
      textWidth(line.replace(/(AAAA|BBBB|CCCC|DDDD|EEEE|ACCESS KEY)$/, '')),
    );
    expect(new Set(starts)).toEqual(new Set([11])); // 🔑 deploy is 9 columns, then the gap
  });

  it('cuts wide names by display width to fit', async () => {
    const lines = (await renderTable(rows, columns, { chalk, maxWidth: 19 })).trimEnd().split('\n');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(19);
    expect(lines[1]).toBe('鍵の名…  AAAA');
    expect(lines[2]).toBe('🔑 dep…  BBBB');
    expect(lines[3]).toBe(`${FAMILY}       CCCC`);
  });
});

describe('fitColumns', () => {
  it('drops by rank before cutting, and never cuts a kept column', () => {
    const fits = [{ min: 4 }, { keep: true }, { drop: 2 }, { drop: 1 }];
    expect(fitColumns([10, 30, 8, 8], fits, 2, 200)).toEqual({
      shown: [0, 1, 2, 3],
      widths: [10, 30, 8, 8],
    });
    expect(fitColumns([10, 30, 8, 8], fits, 2, 52).shown).toEqual([0, 1, 2]);
    expect(fitColumns([10, 30, 8, 8], fits, 2, 42)).toEqual({
      shown: [0, 1],
      widths: [10, 30, 8, 8],
    });
    expect(fitColumns([10, 30, 8, 8], fits, 2, 38)).toEqual({
      shown: [0, 1],
      widths: [6, 30, 8, 8],
    });
    // Below the minimum of the name plus the whole key: overflow, the key untouched.
    expect(fitColumns([10, 30, 8, 8], fits, 2, 20)).toEqual({
      shown: [0, 1],
      widths: [4, 30, 8, 8],
    });
  });
});
