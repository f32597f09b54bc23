import { codePointLabel, hasUnsafeCharacter, quoteForMessage } from '../../core/quote.js';

/** Longest name (key, group, person) in characters (code points), as the CLI checks it. */
export const MAX_NAME = 128;

/**
 * Why `text` is not acceptable as stored text, or undefined: it must be well-formed UTF-16
 * (a lone surrogate would be stored as U+FFFD and read back differently) and hold no control
 * character, bidi control or line separator (they repaint or disguise a terminal).
 */
export function textProblem(text: string): string | undefined {
  if (!isWellFormed(text)) return 'must be valid Unicode text';
  if (!hasUnsafeCharacter(text)) return undefined;
  const chars = Array.from(text);
  const index = chars.findIndex((c) => hasUnsafeCharacter(c));
  return `must not contain control characters (${codePointLabel(chars[index] ?? '')} at position ${index + 1})`;
}

/** Length in characters (code points), the unit the limits are given in. */
export function charLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function isWellFormed(text: string): boolean {
  // With the u flag a lone surrogate is one code point of category Cs; a pair is not.
  return !/\p{Cs}/u.test(text);
}

/**
 * Request text as it may appear in an error message: unchanged when short and printable,
 * else quoted, escaped and cut (`"abc\x1b…" (300 characters)`), so an error never carries a
 * megabyte of input or a terminal escape back to the client.
 */
export function shown(text: string, max = 64): string {
  if (charLength(text) <= max && textProblem(text) === undefined) return text;
  return quoteForMessage(text.replace(/\p{Cs}/gu, '\ufffd'), max);
}
