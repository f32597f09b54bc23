import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

/** More than any secret or credential line; stops `--secret-stdin < /dev/urandom` early. */
const MAX_BYTES = 64 * 1024;

/**
 * Reads a secret piped on stdin (`--secret-stdin`, `--credential-stdin`): all of it, minus one
 * trailing newline (`\n` or `\r\n`, as `echo` and editors add). Refuses a TTY stdin (the user
 * forgot the pipe; a hidden prompt is the way to type a secret), empty input and oversized
 * input. Error messages never include what was read.
 */
export async function readSecretFromStdin(
  io: Pick<Io, 'stdin'>,
  options: { flag?: string } = {},
): Promise<string> {
  const flag = options.flag ?? '--secret-stdin';
  if (io.stdin.isTTY === true) {
    throw new UsageError(`${flag} reads standard input, which is a terminal here`, {
      hint: `pipe the value in, e.g. \`pass show helix | helixctl … ${flag}\`, or drop ${flag} to be prompted`,
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BYTES) {
      throw new UsageError(`standard input for ${flag} is larger than ${MAX_BYTES / 1024} KiB`);
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text.trim() === '') throw new UsageError(`nothing was read from standard input for ${flag}`);
  return text;
}
