import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';

export const whoamiVerb = defineVerb<Record<string, never>>(
  'whoami',
  () => import('./body.js').then((m) => m.whoami),
  (parent, run) => {
    parent
      .command('whoami')
      .description('show who the active credentials are, and where each setting came from')
      .action(async (_o: unknown, cmd: Command) => run({}, cmd));
  },
);
