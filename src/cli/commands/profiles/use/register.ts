import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';
import type { ProfileNameOptions } from '../shared/profile-name-options.js';

export const profilesUseVerb = defineVerb<ProfileNameOptions>(
  'profiles use',
  () => import('./body.js').then((m) => m.profilesUse),
  (profiles, run) => {
    profiles
      .command('use')
      .argument('<name>', 'profile name ("local" is built in)')
      .option('--dry-run', 'say what would change, change nothing')
      .description('make a profile the default')
      .action(async (name: string, o: Record<string, unknown>, cmd: Command) =>
        run({ name, dryRun: o.dryRun === true }, cmd),
      );
  },
);
