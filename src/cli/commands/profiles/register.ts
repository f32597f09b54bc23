import type { Command } from 'commander';
import type { Dispatch } from '../../dispatch.js';

export function registerProfiles(program: Command, dispatch: Dispatch): void {
  const profiles = program.command('profiles').description('stored profiles');
  profiles
    .command('list')
    .alias('ls')
    .description('list profiles; the active one is marked')
    .action(async (_o: unknown, cmd: Command) => dispatch('profiles list', {}, cmd));
  profiles
    .command('use')
    .argument('<name>', 'profile name')
    .description('make a profile the default')
    .action(async (name: string, _o: unknown, cmd: Command) =>
      dispatch('profiles use', { name }, cmd),
    );
  profiles
    .command('remove')
    .alias('rm')
    .argument('<name>', 'profile name')
    .description('remove a profile, its secret and its tokens')
    .action(async (name: string, _o: unknown, cmd: Command) =>
      dispatch('profiles remove', { name }, cmd),
    );
}
