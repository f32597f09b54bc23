/** The results table, plain text, one row per case. */

const HEADERS = ['case', 'median', 'min-max', 'ratio', 'baseline', 'target', 'result'];

function number(value, unit) {
  if (value === undefined || value === null || Number.isNaN(value)) return '-';
  if (unit === 'req/s') return String(Math.round(value));
  if (unit === 'x') return value.toFixed(2);
  if (unit === 'MB') return value.toFixed(1);
  return value < 100 ? value.toFixed(1) : String(Math.round(value));
}

function cells(row) {
  const unit = row.unit === 'x' ? 'x' : ` ${row.unit}`;
  const range =
    row.min === undefined ? '-' : `${number(row.min, row.unit)}-${number(row.max, row.unit)}`;
  return [
    row.name,
    row.median === undefined ? '-' : `${number(row.median, row.unit)}${unit}`,
    range,
    row.ratio === undefined ? '-' : `${row.ratio.toFixed(2)}x`,
    row.baseline,
    row.target,
    row.skipped ? 'skipped' : row.pass === null ? 'ref' : row.pass ? 'pass' : 'FAIL',
  ];
}

/** Column-aligned text for a terminal or a log. */
export function formatTable(rows) {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The same table in Markdown, for docs/performance.md. */
export function formatMarkdown(rows) {
  const body = rows.map(cells);
  const line = (r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(HEADERS), line(HEADERS.map(() => '---')), ...body.map(line)].join('\n');
}
