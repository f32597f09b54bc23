import type { Command } from 'commander';
import { UsageError } from '../../../../core/errors.js';
import { defined, str } from '../../../runtime/defined.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { addDryRun } from '../shared/dry-run-option.js';
import { KEY_ARG } from '../shared/help-text.js';
import type { KeysExpireOptions } from './options.js';

export const keysExpireVerb = defineVerb<KeysExpireOptions>(
  'keys expire',
  () => import('./body.js').then((m) => m.keysExpire),
  (keys, run) => {
    addDryRun(keys.command('expire').argument('<key>', KEY_ARG))
      .description('set when a key expires (also extends expired keys)')
      .option(
        '--in <duration>',
        'expire after this time from now: 30d ends that UTC day, 12h is exact',
      )
      .option('--on <date>', 'expire on this date (end of day, UTC) or RFC 3339 time')
      .option('--never', 'never expire (not recommended)')
      .action(async (key: string, o: Record<string, unknown>, cmd: Command) => {
        // None: asked on a terminal, exit 8 without one (body.ts). More than one: a typo.
        const chosen = [o.in, o.on, o.never].filter((v) => v !== undefined).length;
        if (chosen > 1) throw new UsageError('choose exactly one of --in, --on or --never');
        const options: KeysExpireOptions = {
          key,
          never: o.never === true,
          dryRun: o.dryRun === true,
          ...defined({ in: str(o.in), on: str(o.on) }),
        };
        await run(options, cmd);
      });
  },
);
