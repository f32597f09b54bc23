import type { Command } from 'commander';
import { UsageError } from '../../../../core/errors.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { addDryRun } from '../shared/dry-run-option.js';
import type { KeysDeleteOptions } from './options.js';

export const keysDeleteVerb = defineVerb<KeysDeleteOptions>(
  'keys delete',
  () => import('./body.js').then((m) => m.keysDelete),
  (keys, run) => {
    addDryRun(
      keys.command('delete').alias('rm').argument('[keys...]', 'access keys or unique names'),
    )
      .description('delete keys (asks first on a terminal; --yes otherwise)')
      .option('--expired', 'delete every expired key')
      .option('--force', 'also delete the key this profile logs in with (refused otherwise)')
      .action(async (list: string[], o: Record<string, unknown>, cmd: Command) => {
        if (list.length === 0 && o.expired !== true) {
          throw new UsageError('name the keys to delete, or pass --expired');
        }
        await run(
          {
            keys: list,
            expired: o.expired === true,
            dryRun: o.dryRun === true,
            ...(o.force === true ? { force: true } : {}),
          },
          cmd,
        );
      });
  },
);
