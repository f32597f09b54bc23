import { parseFieldList } from '../../core/field-list.js';
import { InvalidArgumentError } from './commander.js';

/**
 * Value parsers for commander options. They throw commander's InvalidArgumentError so that a
 * bad value is a usage error (exit 2) that names the option, before any network call.
 * Duration parsers live in duration-options.ts: only the `keys` verbs need them.
 */

export function positiveIntOption(max: number): (text: string) => number {
  return (text) => {
    if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError('expected a whole number.');
    const n = Number(text);
    if (n < 1 || n > max) throw new InvalidArgumentError(`expected a number from 1 to ${max}.`);
    return n;
  };
}

/** Case-insensitive choice mapped to a canonical value: `choiceOption({access: 'TENANT'})`. */
export function choiceOption<T extends string>(map: Record<string, T>): (text: string) => T {
  return (text) => {
    const value = map[text.trim().toLowerCase()];
    if (value === undefined) {
      throw new InvalidArgumentError(`expected one of: ${Object.keys(map).join(', ')}.`);
    }
    return value;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--fields a,b,c` checked against `valid`: an unknown name is a usage error listing them. */
export function fieldsOption(valid: readonly string[]): (text: string) => string[] {
  return (text) => {
    const parsed = parseFieldList(text, valid);
    if ('error' in parsed) throw new InvalidArgumentError(parsed.error);
    return parsed.fields;
  };
}
