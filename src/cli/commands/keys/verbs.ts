import type { VerbSpec } from '../../runtime/verb-spec.js';
import { keysActivateVerb } from './activate/register.js';
import { keysAddVerb } from './add/register.js';
import { keysAssignVerb } from './assign/register.js';
import { keysCheckVerb } from './check/register.js';
import { keysCopyVerb } from './copy/register.js';
import { keysDeactivateVerb } from './deactivate/register.js';
import { keysDeleteVerb } from './delete/register.js';
import { keysExpireVerb } from './expire/register.js';
import { keysListVerb } from './list/register.js';
import { keysPermissionsVerb } from './permissions/register.js';
import { keysRotateVerb } from './rotate/register.js';
import { keysShowVerb } from './show/register.js';

/** The `keys` verbs, in help order. */
export const keysVerbs: readonly VerbSpec[] = [
  keysAddVerb,
  keysListVerb,
  keysShowVerb,
  keysRotateVerb,
  keysExpireVerb,
  keysAssignVerb,
  keysActivateVerb,
  keysDeactivateVerb,
  keysDeleteVerb,
  keysCopyVerb,
  keysPermissionsVerb,
  keysCheckVerb,
];
