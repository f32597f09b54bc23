import { describe, expect, it } from 'vitest';
import { stdoutOutcomeError } from '../../../../src/output/secret/undelivered.js';

describe('stdoutOutcomeError', () => {
  it.each(['EPIPE', 'EBADF', 'ENOSPC', 'DISCARDED'])(
    'a %s while stdout carried a secret is exit 9, naming the key and the way out',
    (failure) => {
      const error = stdoutOutcomeError({ failure, secrets: ['ci'] });
      expect(error?.exitCode).toBe(9);
      expect(error?.code).toBe('SECRET_NOT_DELIVERED');
      expect(error?.message).toMatch(/"ci" was not delivered/);
      expect(error?.message).toMatch(/rotate it/);
    },
  );

  it('a list that lost its reader stops quietly; other failures are one line, exit 1', () => {
    expect(stdoutOutcomeError({ failure: 'EPIPE', secrets: [] })).toBeUndefined();
    expect(stdoutOutcomeError({ failure: undefined, secrets: ['ci'] })).toBeUndefined();
    expect(stdoutOutcomeError({ failure: 'ENOSPC', secrets: [] })?.exitCode).toBe(1);
  });
});
