import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';
import type { LogoutOptions } from './options.js';

export const logoutVerb = defineVerb<LogoutOptions>(
  'logout',
  () => import('./body.js').then((m) => m.logout),
  (parent, run) => {
    parent
      .command('logout')
      .description("remove the profile's stored secret and tokens")
      .option('--dry-run', 'show what would be removed, remove nothing')
      .addHelpText(
        'after',
        [
          '',
          "The profile's URL, tenant and access key are kept, so `helixctl login --profile P`",
          'only asks for the secret. For the local profile only the cached tokens go: its',
          'administrator credential is kept, as the emulator database cannot give it back.',
          '',
        ].join('\n'),
      )
      .action(async (o: Record<string, unknown>, cmd: Command) => {
        const options: LogoutOptions = { dryRun: o.dryRun === true };
        await run(options, cmd);
      });
  },
);
