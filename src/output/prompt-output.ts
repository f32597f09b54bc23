import { Writable } from 'node:stream';
import type { OutStream } from './io.js';

/**
 * A pass-through to stderr for inquirer to render on. Inquirer pipes its output with the
 * default `end: true`, so when a prompt closes it ends the destination: harmless for
 * `process.stderr`, fatal for any other stream (every later message would be a write after
 * end). This shield takes the `end` and forwards only writes, exposing the TTY facts
 * (`isTTY`, `columns`, `rows`) readline and inquirer read from their output.
 */
export function promptOutput(stderr: OutStream): Writable {
  const shield = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      stderr.write(chunk, (error) => callback(error ?? null));
    },
  });
  for (const property of ['isTTY', 'columns', 'rows'] as const) {
    Object.defineProperty(shield, property, {
      get: () => (stderr as OutStream & { rows?: number })[property],
      enumerable: true,
    });
  }
  return shield;
}
