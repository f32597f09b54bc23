import type { Readable, Writable } from 'node:stream';

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

const guarded = new WeakSet<OutStream>();

/** Ignores EPIPE on `stream` (once per stream); any other stream error still throws. */
function ignoreEpipe(stream: OutStream): OutStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return stream;
}

/**
 * The real process streams, each made on first use: Node builds `process.stdin` and friends
 * lazily, and `--help` should not pay for a stdin it never reads. A closed downstream pipe
 * (`helixctl keys list | head -1`) makes stdout emit EPIPE; that is the reader's choice, not
 * our failure, so it is ignored instead of crashing the process with an unhandled 'error' event.
 */
export function processIo(): Io {
  return {
    get stdout() {
      return ignoreEpipe(process.stdout);
    },
    get stderr() {
      return ignoreEpipe(process.stderr);
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
}

/** Raw writers for text already formatted elsewhere (commander's help and version). */
export const writeStdout = (io: Io, text: string): void => void io.stdout.write(text);
export const writeStderr = (io: Io, text: string): void => void io.stderr.write(text);
