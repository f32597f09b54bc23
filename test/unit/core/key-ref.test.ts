import { describe, expect, it } from 'vitest';
import { NotFoundError, UsageError } from '../../../src/core/errors.js';
import { ExitCode } from '../../../src/core/exit-codes.js';
import { classifyKeyRef, resolveKeyRef } from '../../../src/core/key-ref.js';

const key = (n: number, name: string) => ({
  access_key: `AK${String(n).padStart(28, '0')}`,
  name,
  user_id: String(555568022225000 + n),
});

const keys = [key(1, 'build'), key(2, 'deploy'), key(3, 'deploy'), key(4, 'Ops')];

function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('resolveKeyRef', () => {
  it('an access key wins', () => {
    const named = { access_key: 'AK0000000000000000000000000009', name: keys[0]?.access_key ?? '' };
    expect(resolveKeyRef(keys[0]?.access_key ?? '', [named, ...keys])).toBe(keys[0]);
  });

  it('resolves a numeric user id, then a unique name', () => {
    expect(resolveKeyRef('555568022225002', keys)).toBe(keys[1]);
    expect(resolveKeyRef('build', keys)).toBe(keys[0]);
  });

  it('refuses an ambiguous name with exit 2, listing the candidates', () => {
    const error = caught(() => resolveKeyRef('deploy', keys));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(ExitCode.USAGE);
    expect(error.message).toBe(
      'key name "deploy" matches 2 keys: "deploy" (AK0000000000000000000000000002), "deploy" (AK0000000000000000000000000003)',
    );
  });

  it('lists at most ten candidates, then how many more', () => {
    const many = Array.from({ length: 13 }, (_, i) => key(i, 'same'));
    const error = caught(() => resolveKeyRef('same', many));
    expect(error.message).toMatch(/^key name "same" matches 13 keys: /);
    expect(error.message.match(/\(AK/g)).toHaveLength(10);
    expect(error.message).toMatch(/, and 3 more$/);
  });

  it('reports nothing found as not found (exit 5), hinting at a case mismatch', () => {
    const error = caught(() => resolveKeyRef('ops', keys)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.exitCode).toBe(ExitCode.NOT_FOUND);
    expect(error.message).toBe('no key with access key or name "ops"');
    expect(error.hint).toBe('did you mean "Ops"?');
    expect((caught(() => resolveKeyRef('nope', keys)) as NotFoundError).hint).toMatch(/keys list/);
  });

  it('classifies references', () => {
    expect(classifyKeyRef('AK0000000000000000000000000002')).toBe('access_key');
    expect(classifyKeyRef('555568022225002')).toBe('user_id');
    expect(classifyKeyRef('deploy')).toBe('name');
  });
});
