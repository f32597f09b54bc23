/**
 * The results tables, one row per case: start-up cases (both environments side by side, each
 * with its ratio to `node -e 0` of that environment), then the other groups. Medians and
 * ranges are across blocks (measure.js). Tiny runs print `measured`, never a verdict.
 */

const START_UP = [
  'case',
  'clean env: median (min-max)',
  'ratio (min-max)',
  'inherited env: median (min-max)',
  'ratio (min-max)',
  'target',
  'result',
];
const OTHER = ['case', 'median', 'min-max', 'ratio (min-max)', 'baseline', 'target', 'result'];

function number(value, unit) {
  if (value === undefined || value === null || Number.isNaN(value)) return '-';
  if (unit === 'req/s') return String(Math.round(value));
  if (unit === 'x') return value.toFixed(2);
  if (unit === 'MB') return value.toFixed(1);
  return value < 100 ? value.toFixed(1) : String(Math.round(value));
}

const suffix = (unit) => (unit === 'x' ? 'x' : ` ${unit}`);
const range = (v, unit) =>
  v.min === undefined ? '-' : `${number(v.min, unit)}-${number(v.max, unit)}`;
const withRange = (v, unit) =>
  v?.median === undefined
    ? '-'
    : `${number(v.median, unit)}${suffix(unit)}${v.min === v.max ? '' : ` (${range(v, unit)})`}`;

function result(row) {
  if (row.skipped) return 'skipped';
  if (row.pass === undefined) return 'measured';
  if (row.pass === null) return 'ref';
  return row.pass ? 'pass' : 'FAIL';
}

function startUpCells(row) {
  const env = (name) => row.envs[name] ?? {};
  return [
    row.name,
    withRange(env('clean'), row.unit),
    withRange(env('clean').ratio, 'x'),
    withRange(env('inherited'), row.unit),
    withRange(env('inherited').ratio, 'x'),
    row.target,
    result(row),
  ];
}

function otherCells(row) {
  return [
    row.name,
    row.median === undefined ? '-' : `${number(row.median, row.unit)}${suffix(row.unit)}`,
    row.median === undefined ? '-' : range(row, row.unit),
    withRange(row.ratio, 'x'),
    row.baseline,
    row.target,
    result(row),
  ];
}

function tables(rows) {
  const startUp = rows.filter((r) => r.envs);
  const other = rows.filter((r) => !r.envs);
  return [
    startUp.length ? [START_UP, startUp.map(startUpCells)] : undefined,
    other.length ? [OTHER, other.map(otherCells)] : undefined,
  ].filter(Boolean);
}

/** Column-aligned text for a terminal or a log. */
export function formatTable(rows) {
  return tables(rows)
    .map(([headers, body]) => {
      const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
      const line = (r) =>
        r
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd();
      return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
    })
    .join('\n\n');
}

/** The same tables in Markdown, for docs/performance.md. */
export function formatMarkdown(rows) {
  return tables(rows)
    .map(([headers, body]) => {
      const line = (r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
      return [line(headers), line(headers.map(() => '---')), ...body.map(line)].join('\n');
    })
    .join('\n\n');
}
