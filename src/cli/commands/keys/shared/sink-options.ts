import type { Command } from 'commander';
import { UsageError } from '../../../../core/errors.js';
import { durationOrZeroOption } from '../../../runtime/duration-options.js';
import type { SecretSinkFlags } from './secret-sink-flags.js';

/** Where a new secret goes, for `add` and `rotate`, spelled the same way by both. */
export function addSinkOptions(command: Command): Command {
  return command
    .option('--copy', 'copy the new credential to the clipboard (default on a terminal)')
    .option('--no-copy', 'do not touch the clipboard')
    .option('--secret-file <path>', 'write the new credential to this file (mode 0600)')
    .option('--force', 'overwrite an existing --secret-file')
    .option('--exec', 'run the command given after -- with the credential in its environment')
    .option(
      '--clear-after <duration>',
      'clear the clipboard after this time; 0 keeps it (default 45s)',
      durationOrZeroOption,
    );
}

export function readSinks(
  o: Record<string, unknown>,
  execTail: string[] | undefined,
): SecretSinkFlags {
  const sinks: SecretSinkFlags = { force: o.force === true };
  if (typeof o.copy === 'boolean') sinks.copy = o.copy;
  if (typeof o.secretFile === 'string') sinks.secretFile = o.secretFile;
  if (typeof o.clearAfter === 'number') sinks.clearAfterMs = o.clearAfter;
  if (o.exec === true) {
    if (!execTail || execTail.length === 0) {
      throw new UsageError('--exec needs a command: --exec -- <command> [args...]');
    }
    sinks.exec = execTail;
  }
  return sinks;
}
