import { validateKeyName } from '../../../../core/names.js';
import type { Prompter } from '../../../../output/prompts.js';
import { validator } from '../shared/ask-expiry.js';

/** Asks for the key name until it passes `validateKeyName`; returns it trimmed. */
export async function askKeyName(prompter: Prompter): Promise<string> {
  const name = await prompter.input({
    message: 'Key name',
    flag: '--name',
    validate: validator(validateKeyName),
  });
  return validateKeyName(name);
}
