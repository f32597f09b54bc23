import { parseDuration } from '../../core/duration.js';
import { InvalidArgumentError } from './commander.js';

/**
 * Duration values for commander options (`--expiring-within 14d`), apart from the other
 * parsers so that only the commands with such options load the duration grammar. A bad value
 * is commander's InvalidArgumentError: a usage error (exit 2) naming the option.
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
