import { describe, expect, it } from 'vitest';
import { keyTypeWord } from '../../../src/core/key-type.js';

describe('key type words (docs/cli-contract.md §6)', () => {
  it('prints the words --type takes, not the wire values', () => {
    expect(keyTypeWord('TENANT')).toBe('access');
    expect(keyTypeWord('API')).toBe('api');
    expect(keyTypeWord('USER')).toBe('user');
  });

  it('reads the wire values in any case', () => {
    expect(keyTypeWord('tenant')).toBe('access');
    expect(keyTypeWord('Api')).toBe('api');
  });

  it('leaves a type it does not know as sent', () => {
    expect(keyTypeWord('SERVICE')).toBe('SERVICE');
    expect(keyTypeWord(7 as unknown as string)).toBe(7);
  });
});
