import type { VerbSpec } from '../../runtime/verb-spec.js';
import { serveVerb } from './serve/register.js';

/** `serve` is a top-level word: its noun has the one verb. */
export const serveVerbs: readonly VerbSpec[] = [serveVerb];
