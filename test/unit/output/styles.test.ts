import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWidths } from '../../../src/output/columns.js';
import { styleExpiry, styleStatus } from '../../../src/output/styles.js';

const on = new Chalk({ level: 1 });
const off = new Chalk({ level: 0 });

describe('styles', () => {
  it('colours status: ACTIVE green, INACTIVE dim', () => {
    expect(styleStatus(on, 'ACTIVE', 'ACTIVE')).toBe('\u001b[32mACTIVE\u001b[39m');
    expect(styleStatus(on, 'inactive', 'INACTIVE')).toBe('\u001b[2minactive\u001b[22m');
    expect(styleStatus(on, 'X', 'OTHER')).toBe('X');
    expect(styleStatus(off, 'ACTIVE', 'ACTIVE')).toBe('ACTIVE');
  });

  it('colours expiry: red expired, yellow expiring, plain otherwise', () => {
    expect(styleExpiry(on, '2 days ago', 'expired')).toBe('\u001b[31m2 days ago\u001b[39m');
    expect(styleExpiry(on, 'in 3 days', 'expiring')).toBe('\u001b[33min 3 days\u001b[39m');
    expect(styleExpiry(on, 'in 80 days', 'valid')).toBe('in 80 days');
    expect(styleExpiry(on, 'never', 'never')).toBe('never');
    expect(styleExpiry(off, '2 days ago', 'expired')).toBe('2 days ago');
  });
});

describe('fitWidths', () => {
  it('shrinks the widest column first', () => {
    expect(fitWidths([4, 30, 100], 2, 80)).toEqual([4, 30, 42]);
    expect(fitWidths([10, 10], 2, 80)).toEqual([10, 10]);
    expect(fitWidths([10, 10], 2, undefined)).toEqual([10, 10]);
  });

  it('fits whenever the minimum widths allow it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 20, max: 300 }),
        (natural, max) => {
          const widths = fitWidths(natural, 2, max);
          const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
          const floor = natural.reduce((a, b) => a + Math.min(b, 6), 0) + 2 * (natural.length - 1);
          if (floor <= max) expect(total).toBeLessThanOrEqual(max);
          widths.forEach((w, i) => {
            expect(w).toBeLessThanOrEqual(natural[i] ?? 0);
          });
        },
      ),
    );
  });
});
