import { describe, expect, it } from 'vitest';
import { processIo } from '../../../src/output/io.js';

describe('processIo', () => {
  it('hands out the real process streams and environment', () => {
    const io = processIo();
    expect(io.stdout).toBe(process.stdout);
    expect(io.stderr).toBe(process.stderr);
    expect(io.stdin).toBe(process.stdin);
    expect(io.env).toBe(process.env);
  });

  it('ignores EPIPE on stdout (reader went away) but not other stream errors', () => {
    expect(processIo().stdout).toBe(process.stdout);
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(() => process.stdout.emit('error', epipe)).not.toThrow();
    const other = Object.assign(new Error('write EIO'), { code: 'EIO' });
    expect(() => process.stdout.emit('error', other)).toThrow('write EIO');
  });
});
