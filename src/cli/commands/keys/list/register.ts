import type { Command } from 'commander';
import { defined, num } from '../../../runtime/defined.js';
import { choiceOption, fieldsOption, positiveIntOption } from '../../../runtime/option-parsers.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { addFilterOptions, readFilters } from '../shared/filter-options.js';
import { examples } from '../shared/help-text.js';
import { KEY_LIST_FIELDS } from '../shared/key-list-fields.js';
import type { KeysListOptions } from './options.js';

export const keysListVerb = defineVerb<KeysListOptions>(
  'keys list',
  () => import('./body.js').then((m) => m.keysList),
  (keys, run) => {
    addFilterOptions(keys.command('list').alias('ls'))
      .description('list access keys (follows every page)')
      .option(
        '--sort <field>',
        'name, created, expires, status or type',
        choiceOption({
          name: 'name',
          created: 'created',
          expires: 'expires',
          status: 'status',
          type: 'type',
        } as const),
      )
      .option('--desc', 'sort in descending order')
      .option('--limit <n>', 'show at most n keys', positiveIntOption(1_000_000))
      .option(
        '--fields <list>',
        `only these fields, in this order, in every output mode: ${KEY_LIST_FIELDS.join(', ')}`,
        fieldsOption(KEY_LIST_FIELDS),
      )
      .addHelpText(
        'after',
        examples([
          'helixctl keys list --expiring-within 14d',
          "helixctl keys list --json | jq -r '.[].access_key'",
          'helixctl keys list --fields name,access_key,expiry_time --json',
        ]),
      )
      .action(async (o: Record<string, unknown>, cmd: Command) => {
        const options: KeysListOptions = {
          ...readFilters(o),
          desc: o.desc === true,
          ...defined({ sort: o.sort as KeysListOptions['sort'], limit: num(o.limit) }),
          ...(Array.isArray(o.fields) ? { fields: o.fields as string[] } : {}),
        };
        await run(options, cmd);
      });
  },
);
