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
  /** Table mode only: how the column gives way when the table is wider than the terminal. */
  fit?: ColumnFit | undefined;
}

/**
 * How a table column gives way to a narrow terminal (see {@link fitColumns}). Without one, a
 * column may be cut with `…` down to 6 columns, widest first.
 */
export interface ColumnFit {
  /** Never cut: an identifier such as the access key. The line overflows instead. */
  keep?: boolean | undefined;
  /** Left out whole, lowest rank first, before any column is cut. */
  drop?: number | undefined;
  /** Narrowest it is cut to (with `…`); 6 by default. */
  min?: number | undefined;
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

/** Narrowest a column is cut to when its {@link ColumnFit} does not say. */
const MIN_WIDTH = 6;

export interface FittedColumns {
  /** Indices of the columns shown, in their order. */
  shown: number[];
  /** Width of every column by index (dropped ones keep their natural width, unused). */
  widths: number[];
}

/**
 * Which columns a table shows, and how wide, to fit `maxWidth` terminal columns (separators
 * included; undefined or 0 means no limit), docs/cli-contract.md §6:
 * 1. columns with a `drop` rank are left out, lowest rank first, until the rest fits;
 * 2. then the widest column that may be cut (not `keep`) is cut, down to its `min`, and again
 *    until the table fits;
 * 3. a table that still does not fit overflows: a `keep` column is never cut.
 * Widths are display widths (see textWidth), so CJK and emoji count two columns.
 */
export function fitColumns(
  natural: readonly number[],
  fits: readonly (ColumnFit | undefined)[],
  gap: number,
  maxWidth?: number,
): FittedColumns {
  const widths = [...natural];
  let shown = natural.map((_, i) => i);
  if (maxWidth === undefined || maxWidth <= 0) return { shown, widths };
  const total = () =>
    shown.reduce((sum, i) => sum + (widths[i] ?? 0), 0) + gap * Math.max(0, shown.length - 1);
  const droppable = shown
    .filter((i) => fits[i]?.drop !== undefined)
    .sort((a, b) => (fits[a]?.drop ?? 0) - (fits[b]?.drop ?? 0));
  for (const i of droppable) {
    if (total() <= maxWidth) break;
    shown = shown.filter((j) => j !== i);
  }
  const floor = (i: number) => Math.min(natural[i] ?? 0, fits[i]?.min ?? MIN_WIDTH);
  while (total() > maxWidth) {
    const cuttable = shown.filter((i) => fits[i]?.keep !== true && (widths[i] ?? 0) > floor(i));
    if (cuttable.length === 0) break;
    const widest = cuttable.reduce((a, b) => ((widths[b] ?? 0) > (widths[a] ?? 0) ? b : a));
    widths[widest] = Math.max(floor(widest), (widths[widest] ?? 0) - (total() - maxWidth));
  }
  return { shown, widths };
}

/** {@link fitColumns} for columns that may all be cut and none dropped. */
export function fitWidths(natural: readonly number[], gap: number, maxWidth?: number): number[] {
  return fitColumns(natural, [], gap, maxWidth).widths;
}
