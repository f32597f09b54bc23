import stringWidth from 'string-width';

/** Printable ASCII only: one column per code unit, no need to ask string-width. */
const ASCII = /^[\x20-\x7e]*$/;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Terminal columns that plain (unstyled, sanitised) text takes: CJK and most emoji take two,
 * combining marks and joiners none. ASCII, which access keys, ids and dates are made of, is
 * answered without string-width, which keeps a 10,000-row table fast.
 */
export function textWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  // Mixed text (`鍵の名前-prod-7`): ASCII counts one column a character, and only the runs of
  // other characters go to string-width, each distinct run once (names share their words).
  let width = 0;
  let from = 0;
  for (const match of text.matchAll(NON_ASCII_RUN)) {
    let start = match.index;
    // A mark, joiner or variation selector belongs to the character before it (`e\u0301`,
    // the keycap `1\ufe0f\u20e3`): measure that character with the run.
    if (start > from && ATTACHES.test(match[0])) start -= 1;
    width += start - from + runWidth(text.slice(start, match.index + match[0].length));
    from = match.index + match[0].length;
  }
  return width + text.length - from;
}

/** Runs of anything but printable ASCII. */
const NON_ASCII_RUN = /[^\x20-\x7e]+/g;
/** Starts with a character that joins the grapheme before it. */
const ATTACHES = /^[\p{M}\p{Cf}]/u;

const runWidths = new Map<string, number>();

function runWidth(run: string): number {
  let width = runWidths.get(run);
  if (width === undefined) {
    width = stringWidth(run, { countAnsiEscapeCodes: true });
    // Bounded: a list of 10,000 distinct names must not grow it without end.
    if (runWidths.size >= 4096) runWidths.clear();
    runWidths.set(run, width);
  }
  return width;
}

/**
 * `text` cut to at most `width` terminal columns, ending in `…` when it had to be cut. Cuts
 * fall between graphemes, so a surrogate pair, a ZWJ emoji sequence or a letter with its
 * combining marks is kept or dropped whole; a wide character that would straddle the limit is
 * dropped, leaving the cell one column short rather than one too wide.
 */
export function cutToWidth(text: string, width: number): string {
  if (ASCII.test(text)) {
    return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
  }
  if (stringWidth(text, { countAnsiEscapeCodes: true }) <= width) return text;
  const room = Math.max(0, width - 1);
  let used = 0;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment, { countAnsiEscapeCodes: true });
    if (used + w > room) break;
    used += w;
    kept += segment;
  }
  return `${kept}…`;
}
