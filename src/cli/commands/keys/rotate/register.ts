import type { Command } from 'commander';
import { defined, num, str } from '../../../runtime/defined.js';
import { durationOption } from '../../../runtime/duration-options.js';
import { positiveIntOption } from '../../../runtime/option-parsers.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import { addDryRun } from '../shared/dry-run-option.js';
import { addFilterOptions, readFilters } from '../shared/filter-options.js';
import { examples } from '../shared/help-text.js';
import { addSinkOptions, readSinks } from '../shared/sink-options.js';
import type { KeysRotateOptions } from './options.js';

export const keysRotateVerb = defineVerb<KeysRotateOptions>(
  'keys rotate',
  () => import('./body.js').then((m) => m.keysRotate),
  (keys, run, { execTail }) => {
    const rotate = keys
      .command('rotate')
      .argument('[key]', 'access key or unique name')
      .description('generate a new secret (access keys) or rotate an API key')
      .option(
        '--grace <duration>',
        'rotate without downtime: new key now, old key expires after this time',
        durationOption,
      )
      .option(
        '--expires <when>',
        'new expiry of the rotated key (default: its original period again, from now)',
      )
      .option(
        '--replace-retiring',
        'with --grace: end a previous hand-over of this name still within its grace',
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
          replaceRetiring: o.replaceRetiring === true,
          sinks: readSinks(o, execTail),
          ...defined({
            key,
            graceMs: num(o.grace),
            secretDir: str(o.secretDir),
            expires: str(o.expires),
          }),
        };
        await run(options, cmd);
      });
  },
);
