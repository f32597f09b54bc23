import type { Command } from 'commander';
import { num } from '../../../runtime/defined.js';
import { durationOption } from '../../../runtime/duration-options.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import type { KeysCheckOptions } from './options.js';

export const keysCheckVerb = defineVerb<KeysCheckOptions>(
  'keys check',
  () => import('./body.js').then((m) => m.keysCheck),
  (keys, run) => {
    keys
      .command('check')
      .description('list keys expired or expiring soon; exit 10 if any')
      .option('--within <duration>', 'how soon counts as expiring (default 2d)', durationOption)
      .action(async (o: Record<string, unknown>, cmd: Command) =>
        run({ withinMs: num(o.within) ?? 2 * 86_400_000 }, cmd),
      );
  },
);
