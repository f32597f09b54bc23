import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { addDryRun } from '../shared/dry-run-option.js';
import { KEY_ARG } from '../shared/help-text.js';
import type { KeysStateOptions } from '../shared/key-state-options.js';

export const keysDeactivateVerb = defineVerb<KeysStateOptions>(
  'keys deactivate',
  () => import('./body.js').then((m) => m.keysDeactivate),
  (keys, run) => {
    addDryRun(keys.command('deactivate').argument('<key>', KEY_ARG))
      .description('switch a key off without deleting it (reversible; asks first on a terminal)')
      .option('--force', 'also deactivate the key this profile logs in with (refused otherwise)')
      .action(async (key: string, o: Record<string, unknown>, cmd: Command) =>
        run({ key, dryRun: o.dryRun === true, ...(o.force === true ? { force: true } : {}) }, cmd),
      );
  },
);
