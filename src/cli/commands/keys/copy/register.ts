import type { Command } from 'commander';
import { defined, num } from '../../../runtime/defined.js';
import { durationOrZeroOption } from '../../../runtime/duration-options.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { KEY_ARG } from '../shared/help-text.js';
import type { KeysCopyOptions } from './options.js';

export const keysCopyVerb = defineVerb<KeysCopyOptions>(
  'keys copy',
  () => import('./body.js').then((m) => m.keysCopy),
  (keys, run) => {
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
        await run(options, cmd);
      });
  },
);
