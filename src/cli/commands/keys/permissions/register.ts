import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { KEY_ARG } from '../shared/help-text.js';
import type { KeyRefOptions } from '../shared/key-ref-options.js';

export const keysPermissionsVerb = defineVerb<KeyRefOptions>(
  'keys permissions',
  () => import('./body.js').then((m) => m.keysPermissions),
  (keys, run) => {
    keys
      .command('permissions')
      .argument('<key>', KEY_ARG)
      .description('effective permissions of a key and where each comes from')
      .action(async (key: string, _o: unknown, cmd: Command) => run({ key }, cmd));
  },
);
