import type { Command } from 'commander';
import { durationOption } from '../../../runtime/duration-options.js';
import { choiceOption } from '../../../runtime/option-parsers.js';
import type { KeyFilters } from './key-filters.js';

/** The filters of `list`, `rotate --all` and `check`, spelled the same way by each. */
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
