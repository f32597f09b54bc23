/**
 * Safe quoting of user input inside error messages. Input may be 10,000 characters long, hold
 * ANSI escapes that would repaint the terminal, or bidi overrides that reorder what is shown
 * (Trojan Source), so messages never echo it raw.
 */

/**
 * Characters that must never reach a terminal raw: C0, DEL, C1, bidi controls, line and
 * paragraph separators, and the invisible zero-width space and BOM.
 */
const UNSAFE = /[\p{Cc}\u061c\u200b\u200e\u200f\ufeff\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** True when `text` holds a character that {@link quoteForMessage} would escape. */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE.test(text);
}

/** The first unsafe character of `text` and its 1-based position (in characters), if any. */
export function findUnsafeCharacter(
  text: string,
): { codePoint: string; position: number } | undefined {
  const chars = Array.from(text);
  const index = chars.findIndex((c) => UNSAFE.test(c));
  if (index < 0) return undefined;
  return { codePoint: codePointLabel(chars[index] ?? ''), position: index + 1 };
}

/** `U+001B` for a character. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `"abc\u001b[31m…"` style: double-quoted, unsafe characters escaped, cut to `max` characters
 * (never inside a surrogate pair) with the full length noted when cut. For anything a user
 * typed or pasted that ends up in a message; never use it on a secret.
 */
export function quoteForMessage(text: string, max = 40): string {
  const chars = Array.from(text);
  const shown = chars.slice(0, Math.max(1, max)).map(escapeChar).join('');
  const cut = chars.length > max;
  return `"${shown}${cut ? '…' : ''}"${cut ? ` (${chars.length} characters)` : ''}`;
}

function escapeChar(char: string): string {
  if (char === '"' || char === '\\') return `\\${char}`;
  if (!UNSAFE.test(char)) return char;
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}
