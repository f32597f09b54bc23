import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { addDryRun } from '../shared/dry-run-option.js';
import { KEY_ARG } from '../shared/help-text.js';
import type { KeysStateOptions } from '../shared/key-state-options.js';

export const keysActivateVerb = defineVerb<KeysStateOptions>(
  'keys activate',
  () => import('./body.js').then((m) => m.keysActivate),
  (keys, run) => {
    addDryRun(keys.command('activate').argument('<key>', KEY_ARG))
      .description('switch a key back on')
      .action(async (key: string, o: Record<string, unknown>, cmd: Command) =>
        run({ key, dryRun: o.dryRun === true }, cmd),
      );
  },
);
