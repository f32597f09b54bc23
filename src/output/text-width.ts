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
  return stringWidth(text, { countAnsiEscapeCodes: true });
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
