import type { VerbSpec } from '../../runtime/verb-spec.js';
import { loginVerb } from './login/register.js';
import { logoutVerb } from './logout/register.js';
import { whoamiVerb } from './whoami/register.js';

/** The top-level words of the auth noun, in help order. */
export const authVerbs: readonly VerbSpec[] = [loginVerb, logoutVerb, whoamiVerb];
