import { UsageError } from './errors.js';
import { findUnsafeCharacter } from './quote.js';

export { quoteForMessage } from './quote.js';

/** Longest key name accepted, in characters (code points). */
export const MAX_KEY_NAME = 128;
/** Longest description accepted, in characters (code points). */
export const MAX_DESCRIPTION = 1000;

/**
 * Checks a key name and returns it trimmed. Leading and trailing spaces are trimmed rather
 * than refused (a pasted name often carries them, and a name that differs only by them would
 * be impossible to tell apart in a table). Refused: empty, longer than 128 characters, and any
 * control character (C0 including tab and newline, DEL, C1), which also rules out ANSI escape
 * sequences, plus bidi controls and line separators that would disguise the name on screen.
 *
 * @throws UsageError that never quotes the name back.
 */
export function validateKeyName(name: string): string {
  return validateText(name, 'key name', MAX_KEY_NAME, false);
}

/**
 * Checks a description and returns it trimmed (empty is allowed: it clears it). Same
 * character rules as {@link validateKeyName}, newlines included, at most 1000 characters.
 */
export function validateDescription(description: string): string {
  return validateText(description, 'description', MAX_DESCRIPTION, true);
}

function validateText(text: string, what: string, max: number, allowEmpty: boolean): string {
  const unsafe = findUnsafeCharacter(text);
  if (unsafe) {
    throw new UsageError(
      `${what} contains a control character (${unsafe.codePoint}) at position ${unsafe.position}`,
      { hint: 'use printable characters only' },
    );
  }
  const trimmed = text.trim();
  if (trimmed === '' && !allowEmpty) throw new UsageError(`${what} is empty`);
  const length = Array.from(trimmed).length;
  if (length > max) {
    throw new UsageError(`${what} is too long: ${length} characters, at most ${max}`);
  }
  return trimmed;
}
