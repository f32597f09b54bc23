import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../core/duration.js';

/**
 * Value parsers for commander options. They throw commander's InvalidArgumentError so that a
 * bad value is a usage error (exit 2) that names the option, before any network call.
 */

export function durationOption(text: string): number {
  try {
    const ms = parseDuration(text);
    if (ms <= 0) throw new Error('must be greater than zero');
    return ms;
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** Like durationOption, but `0` is allowed (e.g. `--clear-after 0` keeps the clipboard). */
export function durationOrZeroOption(text: string): number {
  return text.trim() === '0' ? 0 : durationOption(text);
}

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
