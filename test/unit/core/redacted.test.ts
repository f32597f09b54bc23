import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Redacted } from '../../../src/core/redacted.js';

describe('Redacted', () => {
  const secret = new Redacted('s3cr3tValue');

  it('hides the value from every accidental path', () => {
    expect(String(secret)).toBe('[redacted]');
    expect(`${secret}`).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect({ secret })).not.toContain('s3cr3t');
    expect(Object.keys(secret)).toEqual([]);
  });

  it('reveals it on purpose', () => {
    expect(secret.reveal()).toBe('s3cr3tValue');
  });
});
