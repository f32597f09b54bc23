import type { Command } from 'commander';
import type { Dispatch } from '../../../dispatch.js';
import type { ProfileNameOptions } from '../shared/profile-name-options.js';

export function registerProfiles(program: Command, dispatch: Dispatch): void {
  const profiles = program.command('profiles').description('stored profiles');
  profiles
    .command('list')
    .alias('ls')
    .description('list profiles; the active one is marked')
    .action(async (_o: unknown, cmd: Command) => dispatch('profiles list', {}, cmd));
  profiles
    .command('use')
    .argument('<name>', 'profile name ("local" is built in)')
    .option('--dry-run', 'say what would change, change nothing')
    .description('make a profile the default')
    .action(async (name: string, o: Record<string, unknown>, cmd: Command) => {
      const options: ProfileNameOptions = { name, dryRun: o.dryRun === true };
      await dispatch('profiles use', options, cmd);
    });
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
    .action(async (name: string, o: Record<string, unknown>, cmd: Command) => {
      const options: ProfileNameOptions = { name, dryRun: o.dryRun === true };
      await dispatch('profiles remove', options, cmd);
    });
}
