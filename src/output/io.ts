import { fstatSync, statSync } from 'node:fs';
import { devNull } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { escapeInvisible } from './sanitize.js';

/** A stream we write to; `isTTY` and `columns` mirror `tty.WriteStream` when it is one. */
export type OutStream = Writable & { isTTY?: boolean; columns?: number };

/** The stream we read from; `setRawMode` exists only on a real TTY. */
export type InStream = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * Everything the program reads from or writes to the outside world. Commands and output
 * helpers take an `Io` instead of touching `process`, so tests pass PassThrough streams and a
 * plain env object, and nothing is sniffed from globals.
 */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: Record<string, string | undefined>;
}

const failures = new WeakMap<OutStream, NodeJS.ErrnoException>();
const watched = new WeakSet<OutStream>();

/**
 * Records the first error of `stream` (once per stream) instead of letting it crash the
 * process as an unhandled 'error' event: a write's failure (EPIPE, EBADF, ENOSPC) arrives
 * asynchronously, after `write()` returned, so the printer asks `settleStream` at the end of
 * the run whether every byte was accepted (a secret on stdout depends on it, docs/security.md).
 */
export function watchStream(stream: OutStream): OutStream {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => noteStreamFailure(stream, error));
  }
  return stream;
}

/** Keeps the first failure of `stream`: later ones (a write after EPIPE) only follow from it. */
export function noteStreamFailure(stream: OutStream, error: unknown): void {
  if (!failures.has(stream)) failures.set(stream, error as NodeJS.ErrnoException);
}

/**
 * Waits until everything written to `stream` so far was accepted or refused, and returns the
 * first failure, if any. A write to a pipe or file reports its error in a callback after
 * `write()` returned; an empty write queued behind the others calls back once they are done.
 */
export async function settleStream(
  stream: OutStream,
  options: { wait: boolean } = { wait: true },
): Promise<NodeJS.ErrnoException | undefined> {
  const known = failures.get(stream);
  if (known !== undefined || stream.destroyed) return known;
  // Without `wait`, only what has failed so far: waiting for a slow reader to drain (a pager,
  // a test that reads at the end) matters only when a secret depends on it.
  if (!options.wait) {
    await new Promise((resolve) => setImmediate(resolve));
    return failures.get(stream);
  }
  await new Promise<void>((resolve) => {
    try {
      stream.write('', (error) => {
        if (error) noteStreamFailure(stream, error);
        resolve();
      });
    } catch (error) {
      noteStreamFailure(stream, error);
      resolve();
    }
  });
  // The 'error' event of a failed write is emitted on a later tick than its callback.
  await new Promise((resolve) => setImmediate(resolve));
  return failures.get(stream);
}

/**
 * The one way text leaves the program (the printer, errors, help): made safe for a terminal
 * or a log by `escapeInvisible` (docs/security.md, "Values from the service"), and written without throwing: a stream that writes synchronously (a file, `/dev/full`) throws
 * from `write()` itself; either way the failure is kept for `settleStream`.
 */
export function safeWrite(stream: OutStream, text: string): void {
  if (failures.has(stream) || stream.destroyed) return;
  try {
    stream.write(escapeInvisible(text), (error) => {
      if (error) noteStreamFailure(stream, error);
    });
  } catch (error) {
    noteStreamFailure(stream, error);
  }
}

/**
 * True when `stream` is the null device: bytes written there are accepted and thrown away.
 * Node opens /dev/null in place of a closed descriptor (`helixctl keys add >&-`), so a
 * closed stdout looks exactly like `> /dev/null`; for a new secret both mean it is lost.
 */
export function discardsWrites(stream: OutStream): boolean {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return false;
  try {
    const own = fstatSync(fd);
    const nul = statSync(devNull);
    return own.isCharacterDevice() && own.rdev === nul.rdev;
  } catch {
    return false;
  }
}

/**
 * The real process streams, each made on first use: Node builds `process.stdin` and friends
 * lazily, and `--help` should not pay for a stdin it never reads. A closed downstream pipe
 * (`helixctl keys list | head -1`) makes stdout emit EPIPE; the error is recorded, never
 * thrown, and the run decides at its end whether it matters (a list may stop quietly; a
 * secret that was not delivered is exit 9).
 */
export function processIo(): Io {
  return {
    get stdout() {
      return watchStream(process.stdout);
    },
    get stderr() {
      return watchStream(process.stderr);
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
}

/** Raw writers for text already formatted elsewhere (commander's help and version). */
export const writeStdout = (io: Io, text: string): void => safeWrite(io.stdout, text);
export const writeStderr = (io: Io, text: string): void => safeWrite(io.stderr, text);
