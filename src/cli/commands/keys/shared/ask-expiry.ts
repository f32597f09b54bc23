import { type Expiry, parseExpiry } from '../../../../core/expiry.js';
import type { Prompter } from '../../../../output/prompts.js';
import { utcText } from './utc-text.js';

/** A prompt validator from a function that throws a one-line UsageError. */
export function validator(check: (value: string) => unknown): (value: string) => true | string {
  return (value) => {
    try {
      check(value);
      return true;
    } catch (error) {
      return error instanceof Error ? error.message : 'invalid value';
    }
  };
}

const CUSTOM = 'custom';

/** 30/60/90 days, a custom date (then typed and checked by `parseExpiry`), or never. */
export async function askExpiry(
  prompter: Prompter,
  now: () => Date,
  flag = '--expires',
): Promise<Expiry> {
  const preset = (days: number) => {
    const expiry = parseExpiry(`${days}d`, now());
    const until = expiry.kind === 'at' ? ` (until ${utcText(expiry.at)})` : '';
    return { name: `${days} days${until}`, value: `${days}d` };
  };
  const choice = await prompter.select<string>({
    message: 'Expires',
    flag,
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
    flag,
    validate: validator((value) => parseExpiry(value, now())),
  });
  return parseExpiry(text, now());
}
