import { clearLine, cursorTo, moveCursor } from 'node:readline';
import { PassThrough } from 'node:stream';
import type { InStream, Io, OutStream } from '../../src/output/io.js';

export interface FakeIoOptions {
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  stdinTTY?: boolean;
  columns?: number;
  env?: Record<string, string | undefined>;
}

export interface FakeIo extends Io {
  stdout: PassThrough & OutStream;
  stderr: PassThrough & OutStream;
  stdin: PassThrough & InStream;
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

function capture(stream: PassThrough): () => string {
  let text = '';
  return () => {
    for (let chunk = stream.read(); chunk !== null; chunk = stream.read()) text += String(chunk);
    return text;
  };
}

/** Gives a stream what tty.WriteStream has: isTTY and the cursor methods (ora calls them). */
function makeTerminal(stream: PassThrough & OutStream): void {
  Object.assign(stream, {
    isTTY: true,
    cursorTo: (x: number, y?: number) => cursorTo(stream, x, y),
    moveCursor: (dx: number, dy: number) => moveCursor(stream, dx, dy),
    clearLine: (dir: -1 | 0 | 1) => clearLine(stream, dir),
  });
}

/** Real PassThrough streams standing in for the process's, with TTY-ness set per test. */
export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  const stdout: PassThrough & OutStream = new PassThrough();
  const stderr: PassThrough & OutStream = new PassThrough();
  const stdin: PassThrough & InStream = new PassThrough();
  if (options.stdoutTTY) makeTerminal(stdout);
  if (options.stderrTTY) makeTerminal(stderr);
  if (options.stdinTTY) stdin.isTTY = true;
  if (options.columns !== undefined) {
    stdout.columns = options.columns;
    stderr.columns = options.columns;
  }
  return {
    stdout,
    stderr,
    stdin,
    env: options.env ?? {},
    out: capture(stdout),
    err: capture(stderr),
  };
}

/** ESC, spelled out so assertions read clearly. */
export const ESC = '\u001b';
