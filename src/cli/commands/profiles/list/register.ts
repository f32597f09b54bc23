import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';

export const profilesListVerb = defineVerb<Record<string, never>>(
  'profiles list',
  () => import('./body.js').then((m) => m.profilesList),
  (profiles, run) => {
    profiles
      .command('list')
      .alias('ls')
      .description('list profiles; the active one is marked')
      .action(async (_o: unknown, cmd: Command) => run({}, cmd));
  },
);
