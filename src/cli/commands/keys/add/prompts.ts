import { type Expiry, parseExpiry } from '../../../../core/expiry.js';
import { validateKeyName } from '../../../../core/names.js';
import type { Prompter } from '../../../../output/prompts.js';
import { utcText } from '../shared/utc-text.js';

/** A prompt validator from a function that throws a one-line UsageError. */
function validator(check: (value: string) => unknown): (value: string) => true | string {
  return (value) => {
    try {
      check(value);
      return true;
    } catch (error) {
      return error instanceof Error ? error.message : 'invalid value';
    }
  };
}

/** Asks for the key name until it passes `validateKeyName`; returns it trimmed. */
export async function askKeyName(prompter: Prompter): Promise<string> {
  const name = await prompter.input({
    message: 'Key name',
    flag: '--name',
    validate: validator(validateKeyName),
  });
  return validateKeyName(name);
}

const CUSTOM = 'custom';

/** 30/60/90 days, a custom date (then typed and checked by `parseExpiry`), or never. */
export async function askExpiry(prompter: Prompter, now: () => Date): Promise<Expiry> {
  const preset = (days: number) => {
    const expiry = parseExpiry(`${days}d`, now());
    const until = expiry.kind === 'at' ? ` (until ${utcText(expiry.at)})` : '';
    return { name: `${days} days${until}`, value: `${days}d` };
  };
  const choice = await prompter.select<string>({
    message: 'Expires',
    flag: '--expires',
    choices: [
      preset(30),
      preset(60),
      preset(90),
      { name: 'Custom date', value: CUSTOM, description: 'a date, a date and time, or a duration' },
      { name: 'Never (not recommended)', value: 'never' },
    ],
    default: '30d',
  });
  if (choice !== CUSTOM) return parseExpiry(choice, now());
  const text = await prompter.input({
    message: 'Expiry (e.g. 2027-01-31, 2027-01-31T12:00:00Z or 45d)',
    flag: '--expires',
    validate: validator((value) => parseExpiry(value, now())),
  });
  return parseExpiry(text, now());
}
