import type { Command } from 'commander';
import { strings } from '../../../runtime/defined.js';
import { collect } from '../../../runtime/option-parsers.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { addDryRun } from '../shared/dry-run-option.js';
import { KEY_ARG } from '../shared/help-text.js';
import type { KeysAssignOptions } from './options.js';

export const keysAssignVerb = defineVerb<KeysAssignOptions>(
  'keys assign',
  () => import('./body.js').then((m) => m.keysAssign),
  (keys, run) => {
    addDryRun(keys.command('assign').argument('<key>', KEY_ARG))
      .description("change a key's groups and roles; prints the result")
      .option('--group <name|id>', 'add a group (repeatable)', collect)
      .option('--role <name|id>', 'add a role (repeatable)', collect)
      .option('--remove-group <name|id>', 'remove a group (repeatable)', collect)
      .option('--remove-role <name|id>', 'remove a role (repeatable)', collect)
      .option('--replace', 'the given groups and roles replace the current ones')
      .action(async (key: string, o: Record<string, unknown>, cmd: Command) => {
        const options: KeysAssignOptions = {
          key,
          groups: strings(o.group),
          roles: strings(o.role),
          removeGroups: strings(o.removeGroup),
          removeRoles: strings(o.removeRole),
          replace: o.replace === true,
          dryRun: o.dryRun === true,
        };
        await run(options, cmd);
      });
  },
);
