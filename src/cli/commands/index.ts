import type { NounSpec } from '../runtime/noun-spec.js';
import { authVerbs } from './auth/verbs.js';
import { completionVerbs } from './completion/verbs.js';
import { profilesVerbs } from './profiles/verbs.js';
import { serveVerbs } from './serve/verbs.js';
import { versionVerbs } from './version/verbs.js';

/**
 * The command tree, in help order. Registering it imports no command body (each verb loads
 * its own on dispatch). The `keys` verbs are most of the tree and are reached only through
 * the word `keys` (`keys <verb>`, `help keys`: the group has no alias), so they load only
 * when the command line names it.
 */
export const nouns: readonly NounSpec[] = [
  { verbs: authVerbs },
  { group: { name: 'profiles', description: 'stored profiles' }, verbs: profilesVerbs },
  {
    group: { name: 'keys', description: 'manage access keys' },
    loadVerbs: () => import('./keys/verbs.js').then((m) => m.keysVerbs),
  },
  { verbs: serveVerbs },
  { verbs: completionVerbs },
  { verbs: versionVerbs },
];
