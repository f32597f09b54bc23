import type { Command } from 'commander';
import type { Dispatch } from '../../dispatch.js';
import { defined, num, str, strings } from '../../runtime/defined.js';
import { durationOption } from '../../runtime/duration-options.js';
import { choiceOption, collect, positiveIntOption } from '../../runtime/option-parsers.js';
import { registerKeyChanges } from './register-changes.js';
import {
  addDryRun,
  addFilterOptions,
  addSinkOptions,
  readFilters,
  readSinks,
} from './shared/filter-options.js';
import type { KeysAddOptions, KeysListOptions, KeysRotateOptions } from './shared/options.js';

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** The verbs of the `keys` group (created by createProgram). */
export function registerKeyVerbs(
  keys: Command,
  dispatch: Dispatch,
  execTail: string[] | undefined,
): void {
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
    .option('--expires <when>', '30d, 12h, 2w, 2027-01-31, 2027-01-31T12:00:00Z or never')
    .option('--group <name|id>', 'assign a group (repeatable)', collect)
    .option('--role <name|id>', 'assign a role (repeatable)', collect)
    .option('--user <id>', "create this user's user-level key (administrators)");
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
        sinks: readSinks(o, execTail),
        ...defined({
          name: str(o.name) ?? name,
          description: str(o.description),
          type: o.type as KeysAddOptions['type'],
          expires: str(o.expires),
          user: str(o.user),
        }),
      };
      await dispatch('keys add', options, cmd);
    });

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
    .addHelpText(
      'after',
      examples([
        'helixctl keys list --expiring-within 14d',
        "helixctl keys list --json | jq -r '.[].access_key'",
      ]),
    )
    .action(async (o: Record<string, unknown>, cmd: Command) => {
      const options: KeysListOptions = {
        ...readFilters(o),
        desc: o.desc === true,
        ...defined({ sort: o.sort as KeysListOptions['sort'], limit: num(o.limit) }),
      };
      await dispatch('keys list', options, cmd);
    });

  keys
    .command('show')
    .argument('<key>', 'access key, or a name that matches exactly one key')
    .description('show every field of a key, its groups, roles and permissions')
    .action(async (key: string, _o: unknown, cmd: Command) => dispatch('keys show', { key }, cmd));

  const rotate = keys
    .command('rotate')
    .argument('[key]', 'access key or unique name')
    .description('generate a new secret (access keys) or rotate an API key')
    .option(
      '--grace <duration>',
      'rotate without downtime: new key now, old key expires after this time',
      durationOption,
    )
    .option('--verify', 'with --grace: log in with the new key before retiring the old one')
    .option('--all', 'rotate every key matching the filters')
    .option('--concurrency <n>', 'parallel rotations with --all', positiveIntOption(64), 4)
    .option('--secret-dir <dir>', 'with --all: one 0600 credential file per key in this folder');
  addDryRun(addSinkOptions(addFilterOptions(rotate)))
    .addHelpText(
      'after',
      examples([
        'helixctl keys rotate ci-deploy --grace 24h --verify --secret-file ./ci.cred',
        'helixctl keys rotate --all --expiring-within 14d --secret-dir ./secrets',
      ]),
    )
    .action(async (key: string | undefined, o: Record<string, unknown>, cmd: Command) => {
      const options: KeysRotateOptions = {
        ...readFilters(o),
        all: o.all === true,
        verify: o.verify === true,
        concurrency: o.concurrency as number,
        dryRun: o.dryRun === true,
        sinks: readSinks(o, execTail),
        ...defined({ key, graceMs: num(o.grace), secretDir: str(o.secretDir) }),
      };
      await dispatch('keys rotate', options, cmd);
    });

  registerKeyChanges(keys, dispatch);
}
