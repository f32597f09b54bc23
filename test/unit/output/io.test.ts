import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  discardsWrites,
  type OutStream,
  processIo,
  safeWrite,
  settleStream,
  watchStream,
} from '../../../src/output/io.js';

function failing(code: string, sync = false): OutStream {
  return new Writable({
    write(_chunk, _encoding, callback) {
      const error = Object.assign(new Error(`write ${code}`), { code });
      if (sync) throw error;
      callback(error);
    },
  });
}

describe('processIo', () => {
  it('hands out the real process streams and environment', () => {
    const io = processIo();
    expect(io.stdout).toBe(process.stdout);
    expect(io.stderr).toBe(process.stderr);
    expect(io.stdin).toBe(process.stdin);
    expect(io.env).toBe(process.env);
  });
});

// Was: "ignores EPIPE but throws other stream errors" (a raw stack trace for `> /dev/full`).
// Now every stream error is kept for the end of the run, where a secret on stdout makes it
// exit 9 (docs/security.md).
describe('stream failures are kept, never thrown', () => {
  it.each(['EPIPE', 'EBADF', 'ENOSPC', 'EIO'])(
    'a %s from the error event is kept',
    async (code) => {
      const stream = watchStream(new PassThrough());
      const error = Object.assign(new Error(`write ${code}`), { code });
      expect(() => stream.emit('error', error)).not.toThrow();
      expect((await settleStream(stream))?.code).toBe(code);
    },
  );

  it.each(['EPIPE', 'EBADF', 'ENOSPC'])(
    'a %s reported after write() returned is kept',
    async (code) => {
      const stream = watchStream(failing(code));
      expect(() => safeWrite(stream, 'secret\n')).not.toThrow();
      expect((await settleStream(stream))?.code).toBe(code);
    },
  );

  it('a write that throws at once (a file stream on /dev/full) is kept', async () => {
    const stream = watchStream(failing('ENOSPC', true));
    expect(() => safeWrite(stream, 'secret\n')).not.toThrow();
    expect((await settleStream(stream))?.code).toBe('ENOSPC');
  });

  it('a healthy stream settles with no failure', async () => {
    const stream = watchStream(new PassThrough());
    safeWrite(stream, 'x\n');
    expect(await settleStream(stream)).toBeUndefined();
  });

  it('knows the null device (what Node puts in place of a closed stdout)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-test-'));
    const fds = [openSync(devNull, 'w'), openSync(join(dir, 'out'), 'w')];
    try {
      expect(discardsWrites(Object.assign(new PassThrough(), { fd: fds[0] }))).toBe(true);
      expect(discardsWrites(Object.assign(new PassThrough(), { fd: fds[1] }))).toBe(false);
      expect(discardsWrites(new PassThrough())).toBe(false);
    } finally {
      for (const fd of fds) closeSync(fd);
      rmSync(dir, { recursive: true });
    }
  });
});
