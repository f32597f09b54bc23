import type { VerbSpec } from '../../runtime/verb-spec.js';
import { completionVerb } from './completion/register.js';

/**
 * `completion <shell>`. Its hidden sibling `complete` is no commander verb: run.ts answers it
 * before building the tree (complete/complete.ts).
 */
export const completionVerbs: readonly VerbSpec[] = [completionVerb];
