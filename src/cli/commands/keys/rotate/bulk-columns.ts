import type { Column } from '../../../../output/columns.js';
import type { OutputMode } from '../../../../output/mode.js';
import type { BulkRow } from './bulk-types.js';

/** What the DETAIL column says: where the secret went, why a key was skipped, what failed. */
export function bulkDetail(row: BulkRow): string {
  if (row.result === 'skipped') return row.reason ?? '';
  if (row.error !== undefined) return row.error.message;
  return (row.secret_delivered_to ?? []).map((to) => to.replace(/^(file|exec):/, '$1 ')).join(', ');
}

const RESULT_STYLE = {
  rotated: 'green',
  skipped: 'yellow',
  failed: 'red',
} as const;

/** The results table; TSV gets raw fields for scripts. */
export function bulkColumns(mode: OutputMode): Column<BulkRow>[] {
  if (mode === 'tsv') {
    return [
      { header: 'name', value: 'name' },
      { header: 'access_key', value: 'access_key' },
      { header: 'new_access_key', value: (r) => r.new_access_key ?? '' },
      { header: 'result', value: 'result' },
      { header: 'error_code', value: (r) => r.error?.code ?? '' },
      { header: 'secret_file', value: (r) => r.secret_file ?? '' },
      { header: 'detail', value: bulkDetail },
    ];
  }
  return [
    { header: 'NAME', value: 'name' },
    {
      header: 'ACCESS KEY',
      value: (r) => (r.new_access_key ? `${r.access_key} → ${r.new_access_key}` : r.access_key),
    },
    {
      header: 'RESULT',
      value: 'result',
      style: (text, row, chalk) => chalk[RESULT_STYLE[row.result]](text),
    },
    { header: 'DETAIL', value: bulkDetail },
  ];
}
