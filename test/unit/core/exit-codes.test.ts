import { describe, expect, it } from 'vitest';
import { EXIT_CODE_MEANINGS, ExitCode } from '../../../src/core/exit-codes.js';

describe('exit codes', () => {
  it('keeps the documented numbers (scripts depend on them)', () => {
    expect(ExitCode).toEqual({
      OK: 0,
      INTERNAL: 1,
      USAGE: 2,
      NOT_AUTHENTICATED: 3,
      FORBIDDEN: 4,
      NOT_FOUND: 5,
      REFUSED: 6,
      SERVICE: 7,
      INPUT_NEEDED: 8,
      PARTIAL_FAILURE: 9,
      KEYS_EXPIRING: 10,
      CANCELLED: 130,
    });
  });

  it('describes every code', () => {
    expect(
      Object.keys(EXIT_CODE_MEANINGS)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 130]);
  });
});
