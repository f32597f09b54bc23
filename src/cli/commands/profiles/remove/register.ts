import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';
import type { ProfileNameOptions } from '../shared/profile-name-options.js';

export const profilesRemoveVerb = defineVerb<ProfileNameOptions>(
  'profiles remove',
  () => import('./body.js').then((m) => m.profilesRemove),
  (profiles, run) => {
    profiles
      .command('remove')
      .alias('rm')
      .argument('<name>', 'profile name')
      .option('--dry-run', 'say what would be removed, remove nothing')
      .description('remove a profile, its secret and its tokens')
      .addHelpText(
        'after',
        [
          '',
          'The stored secret is lost for good: asks for confirmation on a terminal; without',
          'one, pass --yes. Removing "local" forgets its administrator credential, while the',
          "emulator's database keeps its keys.",
          '',
        ].join('\n'),
      )
      .action(async (name: string, o: Record<string, unknown>, cmd: Command) =>
        run({ name, dryRun: o.dryRun === true }, cmd),
      );
  },
);
