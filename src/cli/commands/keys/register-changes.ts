import type { Command } from 'commander';
import { UsageError } from '../../../core/errors.js';
import type { Dispatch } from '../../dispatch.js';
import { defined, num, str, strings } from '../../runtime/defined.js';
import { durationOption, durationOrZeroOption } from '../../runtime/duration-options.js';
import { collect } from '../../runtime/option-parsers.js';
import { addDryRun } from './shared/filter-options.js';
import type { KeysCopyOptions, KeysExpireOptions } from './shared/options.js';

const KEY_ARG = 'access key, or a name that matches exactly one key';

/** The `keys` verbs that change one key's state, plus copy, permissions and check. */
export function registerKeyChanges(keys: Command, dispatch: Dispatch): void {
  addDryRun(keys.command('expire').argument('<key>', KEY_ARG))
    .description('set when a key expires (also extends expired keys)')
    .option('--in <duration>', 'expire after this time from now, e.g. 30d', durationOption)
    .option('--on <date>', 'expire on this date (end of day, UTC) or RFC 3339 time')
    .option('--never', 'never expire (not recommended)')
    .action(async (key: string, o: Record<string, unknown>, cmd: Command) => {
      const chosen = [o.in, o.on, o.never].filter((v) => v !== undefined).length;
      if (chosen !== 1) throw new UsageError('choose exactly one of --in, --on or --never');
      const options: KeysExpireOptions = {
        key,
        never: o.never === true,
        dryRun: o.dryRun === true,
        ...defined({ inMs: num(o.in), on: str(o.on) }),
      };
      await dispatch('keys expire', options, cmd);
    });

  addDryRun(keys.command('assign').argument('<key>', KEY_ARG))
    .description("change a key's groups and roles; prints the result")
    .option('--group <name|id>', 'add a group (repeatable)', collect)
    .option('--role <name|id>', 'add a role (repeatable)', collect)
    .option('--remove-group <name|id>', 'remove a group (repeatable)', collect)
    .option('--remove-role <name|id>', 'remove a role (repeatable)', collect)
    .option('--replace', 'the given groups and roles replace the current ones')
    .action(async (key: string, o: Record<string, unknown>, cmd: Command) => {
      const options = {
        key,
        groups: strings(o.group),
        roles: strings(o.role),
        removeGroups: strings(o.removeGroup),
        removeRoles: strings(o.removeRole),
        replace: o.replace === true,
        dryRun: o.dryRun === true,
      };
      await dispatch('keys assign', options, cmd);
    });

  for (const verb of ['activate', 'deactivate'] as const) {
    addDryRun(keys.command(verb).argument('<key>', KEY_ARG))
      .description(
        verb === 'activate'
          ? 'switch a key back on'
          : 'switch a key off without deleting it (reversible; asks first on a terminal)',
      )
      .action(async (key: string, o: Record<string, unknown>, cmd: Command) =>
        dispatch(`keys ${verb}`, { key, dryRun: o.dryRun === true }, cmd),
      );
  }

  addDryRun(keys.command('delete').alias('rm').argument('[keys...]', 'access keys or unique names'))
    .description('delete keys (asks first on a terminal; --yes otherwise)')
    .option('--expired', 'delete every expired key')
    .action(async (list: string[], o: Record<string, unknown>, cmd: Command) => {
      if (list.length === 0 && o.expired !== true) {
        throw new UsageError('name the keys to delete, or pass --expired');
      }
      await dispatch(
        'keys delete',
        { keys: list, expired: o.expired === true, dryRun: o.dryRun === true },
        cmd,
      );
    });

  keys
    .command('copy')
    .argument('[key]', `${KEY_ARG}; none = the active profile's own credential`)
    .description('put a credential in the clipboard, in the copy format')
    .option('--secret-stdin', "read the key's secret from stdin")
    .option('--print', 'write it to stdout instead of the clipboard')
    .option(
      '--clear-after <duration>',
      'clear the clipboard after this time; 0 keeps it (default 45s)',
      durationOrZeroOption,
    )
    .action(async (key: string | undefined, o: Record<string, unknown>, cmd: Command) => {
      const options: KeysCopyOptions = {
        secretStdin: o.secretStdin === true,
        print: o.print === true,
        ...defined({ key, clearAfterMs: num(o.clearAfter) }),
      };
      await dispatch('keys copy', options, cmd);
    });

  keys
    .command('permissions')
    .argument('<key>', KEY_ARG)
    .description('effective permissions of a key and where each comes from')
    .action(async (key: string, _o: unknown, cmd: Command) =>
      dispatch('keys permissions', { key }, cmd),
    );

  keys
    .command('check')
    .description('list keys expired or expiring soon; exit 10 if any')
    .option('--within <duration>', 'how soon counts as expiring (default 2d)', durationOption)
    .action(async (o: Record<string, unknown>, cmd: Command) =>
      dispatch('keys check', { withinMs: num(o.within) ?? 2 * 86_400_000 }, cmd),
    );
}
