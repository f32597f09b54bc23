import type { ChalkInstance } from 'chalk';
import { type Column, displayCell, fitWidths, textWidth } from './columns.js';
import { sanitizeInline } from './sanitize.js';

const GAP = 2;

// Borderless, kubectl/gh style: columns separated by two spaces, easy to read and to paste.
const CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' '.repeat(GAP),
};

export interface TableOptions {
  chalk: ChalkInstance;
  /** Terminal width; columns are truncated with `…` to fit. Undefined means no limit. */
  maxWidth?: number | undefined;
}

/**
 * Renders rows as an aligned table (cli-table3, loaded on first use). Cells are made safe
 * before styling, and widths are measured on the plain text so colour never costs a column.
 * Returns the text with a trailing newline and no trailing spaces.
 */
export async function renderTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  options: TableOptions,
): Promise<string> {
  // cli-table3 is CommonJS with `export =`: Node hands module.exports over as `default`, which
  // TypeScript (without esModuleInterop) does not model for a dynamic import.
  type TableClass = typeof import('cli-table3');
  const { default: Table } = (await import('cli-table3')) as unknown as { default: TableClass };
  const headers = columns.map((c) => sanitizeInline(c.header));
  const natural = headers.map((h, i) => {
    const column = columns[i] as Column<T>;
    return Math.max(textWidth(h), ...rows.map((row) => textWidth(displayCell(row, column))));
  });
  const table = new Table({
    head: headers.map((h) => options.chalk.bold(h)),
    chars: CHARS,
    colWidths: fitWidths(natural, GAP, options.maxWidth),
    truncate: '…',
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of rows) table.push(columns.map((c) => displayCell(row, c, options.chalk)));
  const lines = table.toString().split('\n');
  return `${lines.map((line) => line.replace(/ +$/, '')).join('\n')}\n`;
}
