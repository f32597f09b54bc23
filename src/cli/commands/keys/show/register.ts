import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { KEY_ARG } from '../shared/help-text.js';
import type { KeyRefOptions } from '../shared/key-ref-options.js';

export const keysShowVerb = defineVerb<KeyRefOptions>(
  'keys show',
  () => import('./body.js').then((m) => m.keysShow),
  (keys, run) => {
    keys
      .command('show')
      .argument('<key>', KEY_ARG)
      .description('show every field of a key, its groups, roles and permissions')
      .action(async (key: string, _o: unknown, cmd: Command) => run({ key }, cmd));
  },
);
