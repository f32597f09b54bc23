import type { Command } from 'commander';
import { defineVerb } from '../../../runtime/verb-spec.js';

/**
 * `helixctl version`: what `--version` prints. The bare word is answered by bin/helixctl.js
 * without loading dist/, like `--version`; this verb serves `version --json` and the help.
 */
export const versionVerb = defineVerb<Record<string, never>>(
  'version',
  () => import('./body.js').then((m) => m.version),
  (parent, run) => {
    parent
      .command('version')
      .description('print the version and the build date')
      .action(async (_o: unknown, cmd: Command) => run({}, cmd));
  },
);
