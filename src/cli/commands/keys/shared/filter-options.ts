import type { Command } from 'commander';
import { UsageError } from '../../../../core/errors.js';
import { durationOption, durationOrZeroOption } from '../../../runtime/duration-options.js';
import { choiceOption } from '../../../runtime/option-parsers.js';
import type { KeyFilters, SecretSinkFlags } from './options.js';

/** Options shared by several `keys` verbs, so every verb spells them the same way. */

export function addFilterOptions(command: Command): Command {
  return command
    .option(
      '--type <type>',
      'access, api or user',
      choiceOption({ access: 'TENANT', tenant: 'TENANT', api: 'API', user: 'USER' } as const),
    )
    .option(
      '--status <status>',
      'active or inactive',
      choiceOption({ active: 'ACTIVE', inactive: 'INACTIVE' } as const),
    )
    .option('--expired', 'only keys that have expired')
    .option(
      '--expiring-within <duration>',
      'only keys expiring within this time, e.g. 14d',
      durationOption,
    )
    .option('--name <glob>', 'only keys whose name matches (* and ? wildcards)')
    .option('--user <id>', "only this user's keys");
}

export function readFilters(o: Record<string, unknown>): KeyFilters {
  const filters: KeyFilters = {};
  if (o.type !== undefined) filters.type = o.type as KeyFilters['type'] & string;
  if (o.status !== undefined) filters.status = o.status as KeyFilters['status'] & string;
  if (o.expired === true) filters.expired = true;
  if (typeof o.expiringWithin === 'number') filters.expiringWithinMs = o.expiringWithin;
  if (typeof o.name === 'string') filters.name = o.name;
  if (typeof o.user === 'string') filters.user = o.user;
  return filters;
}

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

export function addDryRun(command: Command): Command {
  return command.option('--dry-run', 'show what would change, change nothing');
}
