import { InputNeededError } from '../../../../core/errors.js';
import { type Expiry, parseExpiry } from '../../../../core/expiry.js';
import { validateDescription, validateKeyName } from '../../../../core/names.js';
import type { CommandContext } from '../../../runtime/context.js';
import { askExpiry } from '../shared/ask-expiry.js';
import { NEVER_WARNING } from './expiry-text.js';
import type { KeysAddOptions } from './options.js';
import type { KeyOwner } from './owner.js';
import { askKeyName } from './prompts.js';

/** The flags of `keys add` that were given, checked (usage errors, exit 2). */
export interface GivenInputs {
  name?: string;
  description?: string;
  expiry?: Expiry;
}

/** Checks every given value before any prompt or request, so a typo costs nothing. */
export function checkGivenInputs(options: KeysAddOptions, now: Date): GivenInputs {
  const given: GivenInputs = {};
  if (options.name !== undefined) given.name = validateKeyName(options.name);
  if (options.description !== undefined) {
    const description = validateDescription(options.description);
    if (description !== '') given.description = description;
  }
  if (options.expires !== undefined) given.expiry = parseExpiry(options.expires, now);
  return given;
}

/** Without a terminal nothing can be asked: a missing name or expiry is exit 8, before any call. */
export function requireWithoutPrompt(ctx: CommandContext, given: GivenInputs): void {
  if (ctx.interactive) return;
  if (given.name === undefined) {
    throw new InputNeededError('a key name is required: pass --name <name> (or the name argument)');
  }
  if (given.expiry === undefined) {
    throw new InputNeededError(
      'an expiry is required: pass --expires <30d|12h|2w|2027-01-31|2027-01-31T12:00:00Z|never>',
    );
  }
}

/** Whether `completeInputs` will ask anything (a terminal, and a name or expiry missing). */
export function needsPrompt(ctx: CommandContext, given: GivenInputs): boolean {
  return ctx.interactive && (given.name === undefined || given.expiry === undefined);
}

export interface AddInputs {
  name: string;
  description?: string | undefined;
  type: 'TENANT' | 'API' | 'USER';
  expiry: Expiry;
}

/**
 * Fills in what is missing and required by asking, in the order name, expiry. The type is
 * never asked: a tenant key is an access key unless `--type api` says otherwise (a user-level
 * key has no choice), so a default the user can see in `--help` costs no question.
 */
export async function completeInputs(
  ctx: CommandContext,
  options: KeysAddOptions,
  given: GivenInputs,
  owner: KeyOwner,
): Promise<AddInputs> {
  const name = given.name ?? (await askKeyName(ctx.prompter));
  let type: AddInputs['type'] = 'USER';
  if (owner.kind === 'tenant') type = options.type ?? 'TENANT';
  const expiry = given.expiry ?? (await askExpiry(ctx.prompter, () => ctx.now()));
  if (expiry.kind === 'never') ctx.printer.warn(NEVER_WARNING);
  return { name, description: given.description, type, expiry };
}
