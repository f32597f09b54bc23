import type { Command } from 'commander';
import { defined, str, strings } from '../../../runtime/defined.js';
import { choiceOption, collect } from '../../../runtime/option-parsers.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { addDryRun } from '../shared/dry-run-option.js';
import { examples } from '../shared/help-text.js';
import { addSinkOptions, readSinks } from '../shared/sink-options.js';
import type { KeysAddOptions } from './options.js';

export const keysAddVerb = defineVerb<KeysAddOptions>(
  'keys add',
  () => import('./body.js').then((m) => m.keysAdd),
  (keys, run, { execTail }) => {
    const add = keys
      .command('add')
      .argument('[name]', 'key name')
      .description('create an access key; its secret is shown only once')
      .option('--name <name>', 'key name (same as the argument)')
      .option('--description <text>', 'free text')
      .option(
        '--type <type>',
        'access (default) or api',
        choiceOption({ access: 'TENANT', tenant: 'TENANT', api: 'API' } as const),
      )
      .option(
        '--expires <when>',
        '30d (ends that UTC day), 12h (exact), 2027-01-31, 2027-01-31T12:00:00Z or never',
      )
      .option('--group <name|id>', 'assign a group (repeatable)', collect)
      .option('--role <name|id>', 'assign a role (repeatable)', collect)
      .option('--user <id>', "create this user's user-level key (administrators)")
      .option('--allow-duplicate-name', 'create it even if a live key already has this name');
    addDryRun(addSinkOptions(add))
      .addHelpText(
        'after',
        examples([
          'helixctl keys add ci-deploy --expires 30d --group Operators',
          'helixctl keys add ci --expires 90d --no-copy --secret-file ./ci.cred',
        ]),
      )
      .action(async (name: string | undefined, o: Record<string, unknown>, cmd: Command) => {
        const options: KeysAddOptions = {
          groups: strings(o.group),
          roles: strings(o.role),
          dryRun: o.dryRun === true,
          allowDuplicateName: o.allowDuplicateName === true,
          sinks: readSinks(o, execTail),
          ...defined({
            name: str(o.name) ?? name,
            description: str(o.description),
            type: o.type as KeysAddOptions['type'],
            expires: str(o.expires),
            user: str(o.user),
          }),
        };
        await run(options, cmd);
      });
  },
);
