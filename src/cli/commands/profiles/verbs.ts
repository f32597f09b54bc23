import type { VerbSpec } from '../../runtime/verb-spec.js';
import { profilesListVerb } from './list/register.js';
import { profilesRemoveVerb } from './remove/register.js';
import { profilesUseVerb } from './use/register.js';

/** The `profiles` verbs, in help order. */
export const profilesVerbs: readonly VerbSpec[] = [
  profilesListVerb,
  profilesUseVerb,
  profilesRemoveVerb,
];
