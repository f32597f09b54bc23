import type { Command } from 'commander';
import { fieldsOption } from '../../../runtime/option-parsers.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { KEY_ARG } from '../shared/help-text.js';
import type { KeysShowOptions } from './body.js';
import { KEY_SHOW_FIELDS } from './field-names.js';

export const keysShowVerb = defineVerb<KeysShowOptions>(
  'keys show',
  () => import('./body.js').then((m) => m.keysShow),
  (keys, run) => {
    keys
      .command('show')
      .argument('<key>', KEY_ARG)
      .description('show every field of a key, its groups, roles and permissions')
      .option(
        '--fields <list>',
        `only these fields, in this order, in every output mode: ${KEY_SHOW_FIELDS.join(', ')}`,
        fieldsOption(KEY_SHOW_FIELDS),
      )
      .action(async (key: string, o: Record<string, unknown>, cmd: Command) =>
        run({ key, ...(Array.isArray(o.fields) ? { fields: o.fields as string[] } : {}) }, cmd),
      );
  },
);
