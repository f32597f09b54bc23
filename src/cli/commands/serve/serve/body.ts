import { dataDir, dataFiles } from '../../../../config/paths.js';
import { writeStderr } from '../../../../output/io.js';
import { sanitizeInline } from '../../../../output/sanitize.js';
import type { CommandContext } from '../../../runtime/context.js';
import { readExampleSeed } from './example-seed.js';
import type { ServeOptions } from './options.js';
import { serve } from './serve.js';

/** `helixctl serve`: the emulator over HTTP; `--db` defaults to serve.db in the data folder. */
export async function serveCommand(options: ServeOptions, ctx: CommandContext): Promise<number> {
  if (options.printExampleSeed === true) {
    // The file itself, byte for byte: `> seed.json` gives a seed `--seed` loads.
    ctx.printer.raw(readExampleSeed());
    return 0;
  }
  const db = options.db ?? dataFiles(dataDir(ctx.env)).serveDb;
  return serve(
    {
      host: options.host,
      port: options.port,
      db,
      seed: options.seed,
      testClock: options.testClock,
      quiet: ctx.globals.quiet,
      latencyMs: options.latencyMs,
      tls: options.tls,
      tlsCert: options.tlsCert,
      tlsKey: options.tlsKey,
      newAdminCredential: options.newAdminCredential,
    },
    {
      // The credential line is the one thing on stdout: raw, so scripts can capture it exactly.
      stdout: (line) => ctx.printer.raw(`${line}\n`),
      // The request log holds request paths, decoded: anyone who can reach the port writes
      // them, so every line is made one visible line (docs/security.md).
      stderr: (line) => writeStderr(ctx.io, `${sanitizeInline(line)}\n`),
    },
    // SIGINT and SIGTERM are serve's own; a SIGHUP (the terminal closed) arrives through here.
    ctx.signal,
  );
}
