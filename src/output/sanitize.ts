/**
 * Terminal-injection defence. Values that came from the service or the user (key names,
 * descriptions, error text) are printed with every control character made visible, so a key
 * named `\x1b[2J` prints as the text `\x1b[2J` instead of clearing the screen. Covered: C0
 * controls, DEL, C1 controls (U+0080-U+009F, where CSI U+009B lives) and the bidirectional
 * overrides that can make text display in a different order than it reads ("Trojan Source").
 */

// Built from strings so the ranges read as code points (a regex literal trips the linter).
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');
const UNSAFE_KEEP_LINES = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');

// What no stream of ours may carry raw, JSON included: C1 controls (8-bit CSI U+009B, OSC
// U+009D...), bidi marks, overrides and isolates, and the line and paragraph separators.
const INVISIBLE = new RegExp(`[\\u0080-\\u009f${BIDI}\\u2028\\u2029]`, 'g');

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The output edge (`safeWrite`, every write to stdout and stderr): C1 controls and bidi
 * characters become `\uXXXX`. In JSON that is the same string to any parser, yet a terminal
 * or CI log shows six characters instead of obeying a control (JSON.stringify leaves them
 * raw); in text it is a visible escape. Our own output (box drawing, ✓) is untouched.
 */
export function escapeInvisible(text: string): string {
  return text.replace(
    INVISIBLE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** One-line form for table cells and labels: every control, tab and newline included, escaped. */
export function sanitizeInline(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** For messages: keeps tab and newline (messages may span lines), escapes every other control. */
export function sanitizeMessage(text: string): string {
  return text.replace(UNSAFE_KEEP_LINES, escapeChar);
}

/**
 * A TSV field: backslash, tab, newline, CR and other controls escaped, so one record is one
 * line, fields split on tabs, and `\\` makes the escaping reversible.
 */
export function escapeTsv(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(UNSAFE, escapeChar);
}

/**
 * How a cell value becomes text: null and undefined are empty, arrays are comma-joined,
 * objects are compact JSON, everything else goes through `String`.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(cellText).join(',');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
