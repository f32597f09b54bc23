import { describe, expect, it } from 'vitest';
import { secretFileNames } from '../../../../src/cli/commands/keys/rotate/bulk-file-names.js';
import { runPool } from '../../../../src/cli/commands/keys/rotate/bulk-pool.js';
import { bulkExitCode } from '../../../../src/cli/commands/keys/rotate/bulk-report.js';
import type { BulkRow } from '../../../../src/cli/commands/keys/rotate/bulk-types.js';
import type { AccessKeyRecord } from '../../../../src/wire/types.js';

/** The pure parts of `rotate --all`: the pool, file names, the exit code. */

describe('runPool', () => {
  it('never runs more than `concurrency` at once, and runs every item once', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const left = await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      done.push(n);
      running -= 1;
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(left).toEqual([]);
  });

  it('stops starting items once stopped, and returns those never started', async () => {
    let stop = false;
    const started: number[] = [];
    const left = await runPool(
      [1, 2, 3, 4, 5],
      2,
      async (n) => {
        started.push(n);
        if (n === 2) stop = true;
      },
      () => stop,
    );
    expect(started).toEqual([1, 2]);
    expect(left).toEqual([3, 4, 5]);
  });

  it('copes with an empty list', async () => {
    expect(await runPool([], 4, async () => {})).toEqual([]);
  });
});

const key = (name: string, access_key: string) => ({ name, access_key }) as AccessKeyRecord;

describe('secretFileNames', () => {
  it('uses the key name when it is portable and unique, the access key otherwise', () => {
    const names = secretFileNames([
      key('ci-deploy', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA1'),
      key('twin', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA2'),
      key('Twin', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA3'),
      key('has space', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA4'),
      key('../etc/passwd', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA5'),
      key('.hidden', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA6'),
      key('AAAAAAAAAAAAAAAAAAAAAAAAAAAAA1', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA7'),
    ]);
    expect([...names.values()]).toEqual([
      'ci-deploy.cred',
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA2.cred',
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA3.cred',
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA4.cred',
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA5.cred',
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA6.cred',
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA7.cred',
    ]);
  });
});

const row = (result: BulkRow['result'], exit_code?: number): BulkRow => ({
  name: 'k',
  access_key: 'A',
  type: 'TENANT',
  result,
  rotated: result === 'rotated',
  ...(exit_code === undefined ? {} : { error: { code: 'X', message: 'x', exit_code } }),
});

describe('bulkExitCode', () => {
  it('is 0 when nothing failed, skipped keys included', () => {
    expect(bulkExitCode([row('rotated'), row('skipped')], false)).toBe(0);
    expect(bulkExitCode([], false)).toBe(0);
  });

  it('is 9 when some failed', () => {
    expect(bulkExitCode([row('rotated'), row('failed', 7)], false)).toBe(9);
  });

  it('is the common code when every attempted key failed alike, 9 when they differ', () => {
    expect(bulkExitCode([row('failed', 4), row('failed', 4), row('skipped')], false)).toBe(4);
    expect(bulkExitCode([row('failed', 4), row('failed', 7)], false)).toBe(9);
  });

  it('is 130 when a signal stopped the run', () => {
    expect(bulkExitCode([row('rotated')], true)).toBe(130);
  });
});
