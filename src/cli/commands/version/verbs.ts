import type { VerbSpec } from '../../runtime/verb-spec.js';
import { versionVerb } from './version/register.js';

/** `version` is a top-level word, like `gh version`: its noun has the one verb. */
export const versionVerbs: readonly VerbSpec[] = [versionVerb];
