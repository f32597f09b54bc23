import { UsageError } from '../../../../core/errors.js';
import { isJsonMode } from '../../../../output/mode.js';
import { preflightExec } from '../../../../output/secret/exec-preflight.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { BulkSinks } from './bulk-types.js';
import type { KeysRotateOptions } from './options.js';

const SINK_HINT =
  'pass --secret-dir <dir> (one 0600 file per key), --exec -- <cmd> (run once per key), or --json';

/**
 * Checks the flags of `keys rotate --all` and decides where the new secrets go, before any
 * request: a bulk run that could not deliver its secrets must not start. A terminal full of
 * fifty secrets is not a delivery, so human output needs a file or exec sink; JSON output
 * (`--json`, `-o ndjson`) may be the sink itself.
 */
export async function planBulkSinks(
  options: KeysRotateOptions,
  ctx: CommandContext,
): Promise<BulkSinks> {
  refuseSingleKeyFlags(options);
  const { sinks } = options;
  const sink: BulkSinks = { stdout: false };
  if (options.secretDir !== undefined) {
    if (options.secretDir.trim() === '') throw new UsageError('--secret-dir needs a folder');
    sink.dir = { path: options.secretDir, force: sinks.force };
  }
  if (sinks.exec !== undefined) {
    const [command = '', ...args] = sinks.exec;
    await preflightExec(command, ctx.env);
    sink.exec = { command, args };
  }
  if (sink.dir === undefined && sink.exec === undefined) {
    if (!isJsonMode(ctx.printer.mode)) {
      throw new UsageError('keys rotate --all needs somewhere to put the new secrets', {
        hint: SINK_HINT,
      });
    }
    sink.stdout = true;
  }
  return sink;
}

function refuseSingleKeyFlags(options: KeysRotateOptions): void {
  if (options.key !== undefined) {
    throw new UsageError('give one key or --all, not both', {
      hint: 'narrow --all with --name, --type, --status, --expired, --expiring-within or --user',
    });
  }
  if (options.graceMs !== undefined) {
    throw new UsageError('--grace works on one key at a time', {
      hint: 'helixctl keys rotate <key> --grace <duration>',
    });
  }
  if (options.verify) throw new UsageError('--verify goes with --grace, on one key at a time');
  if (options.sinks.secretFile !== undefined) {
    throw new UsageError('--secret-file holds one key', {
      hint: 'use --secret-dir <dir> with --all: one file per key',
    });
  }
  if (options.sinks.copy === true) {
    throw new UsageError('the clipboard holds one secret, not one per key', { hint: SINK_HINT });
  }
}
