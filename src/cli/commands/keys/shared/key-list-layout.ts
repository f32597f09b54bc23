import type { Column, ColumnFit } from '../../../../output/columns.js';
import type { OutputMode } from '../../../../output/mode.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import { keyColumns } from './key-columns.js';

/**
 * The fields of a key list, by their JSON names, in the order of keyColumns' columns (the TSV
 * headers are these names; a unit test holds the two together).
 */
export const KEY_LIST_COLUMNS = [
  'name',
  'access_key',
  'type',
  'status',
  'expiry_time',
  'created_date',
  'last_access',
] as const;

/**
 * How a key table fits a narrow terminal (docs/cli-contract.md §6): the access key is never
 * cut; LAST USED, CREATED, TYPE, EXPIRES and STATUS are left out in that order; only then is
 * NAME cut with `…`, down to 12 columns. Kept apart from the cell values (key-columns.ts).
 */
const KEY_TABLE_FIT: Readonly<Record<string, ColumnFit>> = {
  name: { min: 12 },
  access_key: { keep: true },
  last_access: { drop: 1 },
  created_date: { drop: 2 },
  type: { drop: 3 },
  expiry_time: { drop: 4 },
  status: { drop: 5 },
};

/** keyColumns with each column's field name, and in table mode how it fits the terminal. */
export function keyListColumns(
  mode: OutputMode,
  now: Date,
): Array<Column<AccessKeyRecord> & { field: string }> {
  return keyColumns(mode, now).map((column, i) => {
    const field = KEY_LIST_COLUMNS[i] ?? column.header;
    const fit = mode === 'table' ? KEY_TABLE_FIT[field] : undefined;
    return { ...column, field, ...(fit ? { fit } : {}) };
  });
}
