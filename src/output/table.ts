import type { ChalkInstance } from 'chalk';
import { type Column, displayCell, fitWidths, textWidth } from './columns.js';
import { sanitizeInline } from './sanitize.js';

const GAP = 2;

export interface TableOptions {
  chalk: ChalkInstance;
  /** Terminal width; columns are truncated with `…` to fit. Undefined means no limit. */
  maxWidth?: number | undefined;
}

/** `text` cut to `width` code points, the last one replaced by `…` when it had to be cut. */
function cut(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/**
 * Renders rows as an aligned table, borderless (kubectl/gh style: columns separated by two
 * spaces, easy to read and to paste). Cells are made safe, cut to their column's width and
 * only then styled, so widths are measured on the plain text and colour never costs a column.
 * Returns the text with a trailing newline and no trailing spaces.
 *
 * Linear in the number of rows: a tenant's 10,000 keys render in well under a second
 * (cli-table3, used before, took over ten seconds for that many rows).
 */
export async function renderTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  options: TableOptions,
): Promise<string> {
  const { chalk } = options;
  const headers = columns.map((c) => sanitizeInline(c.header));
  const cells = rows.map((row) => columns.map((c) => displayCell(row, c)));
  const natural = headers.map((header, i) =>
    cells.reduce((width, line) => Math.max(width, textWidth(line[i] ?? '')), textWidth(header)),
  );
  const widths = fitWidths(natural, GAP, options.maxWidth);
  const cell = (text: string, i: number, style: (t: string) => string) => {
    const width = widths[i] ?? 0;
    const shown = cut(text, width);
    return style(shown) + ' '.repeat(Math.max(0, width - textWidth(shown)));
  };
  const line = (parts: string[]) => parts.join(' '.repeat(GAP)).replace(/ +$/, '');
  const out = [line(headers.map((h, i) => cell(h, i, (t) => chalk.bold(t))))];
  rows.forEach((row, r) => {
    const texts = cells[r] ?? [];
    out.push(
      line(
        columns.map((column, i) =>
          cell(texts[i] ?? '', i, (t) => (column.style ? column.style(t, row, chalk) : t)),
        ),
      ),
    );
  });
  return `${out.join('\n')}\n`;
}
