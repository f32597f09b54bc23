import type { ChalkInstance } from 'chalk';
import { cellText, escapeTsv, sanitizeInline } from './sanitize.js';

/** One column of a list (or one field of a record). */
export interface Column<T> {
  /** The header in table and TSV output, the label in a record. */
  header: string;
  /** A field of the row, or a function computing the cell from the row. */
  value: (keyof T & string) | ((row: T) => unknown);
  /**
   * Table mode only: colours the cell. Receives the text already made safe (controls
   * escaped); never called in json, ndjson or tsv modes, and given a level-0 chalk when
   * colour is off, so styles need no checks of their own.
   */
  style?: (text: string, row: T, chalk: ChalkInstance) => string;
}

/** The raw value of a cell, before any formatting. */
export function cellValue<T>(row: T, column: Column<T>): unknown {
  if (typeof column.value === 'function') return column.value(row);
  return (row as Record<string, unknown>)[column.value];
}

/** The cell as one terminal-safe line, styled when a chalk is given. */
export function displayCell<T>(row: T, column: Column<T>, chalk?: ChalkInstance): string {
  const text = sanitizeInline(cellText(cellValue(row, column)));
  return chalk && column.style ? column.style(text, row, chalk) : text;
}

/** Header line plus one line per row, fields tab-separated and escaped; ends with a newline. */
export function renderTsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const lines = [columns.map((c) => escapeTsv(c.header)).join('\t')];
  for (const row of rows) {
    lines.push(columns.map((c) => escapeTsv(cellText(cellValue(row, c)))).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** Narrowest a column is squeezed to before the next-widest one gives way. */
const MIN_WIDTH = 6;

/**
 * Column widths that fit `maxWidth` (separators included) by repeatedly shrinking the widest
 * column: a long description gives way before the access key does. Widths are code-point
 * counts, which is exact for the ASCII that access keys, ids and dates are made of.
 */
export function fitWidths(natural: readonly number[], gap: number, maxWidth?: number): number[] {
  const widths = [...natural];
  if (maxWidth === undefined || maxWidth <= 0) return widths;
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, widths.length - 1);
  while (total() > maxWidth) {
    const widest = widths.indexOf(Math.max(...widths));
    const current = widths[widest] ?? 0;
    if (current <= MIN_WIDTH) break;
    widths[widest] = Math.max(MIN_WIDTH, current - (total() - maxWidth));
  }
  return widths;
}

/** Visible width of plain (unstyled) text. */
export function textWidth(text: string): number {
  return [...text].length;
}
