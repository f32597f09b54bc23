import type { Column, ColumnFit } from '../../../../output/columns.js';
import type { OutputMode } from '../../../../output/mode.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import { keyColumns } from './key-columns.js';
import { KEY_LIST_COLUMNS } from './key-list-fields.js';

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

type KeyListColumn = Column<AccessKeyRecord> & { field: string };

/**
 * keyColumns with each column's field name, and in table mode how it fits the terminal.
 * `fields` (`--fields`, checked against KEY_LIST_FIELDS) picks and orders the columns; a field
 * that is not a list column shows its JSON value, under its name (upper case in a table).
 */
export function keyListColumns(
  mode: OutputMode,
  now: Date,
  fields?: readonly string[],
): KeyListColumn[] {
  const columns = keyColumns(mode, now).map((column, i): KeyListColumn => {
    const field = KEY_LIST_COLUMNS[i] ?? column.header;
    const fit = mode === 'table' ? KEY_TABLE_FIT[field] : undefined;
    return { ...column, field, ...(fit ? { fit } : {}) };
  });
  if (fields === undefined) return columns;
  // Columns the user named are never left out; a narrow terminal cuts them instead.
  const named = (c: KeyListColumn): KeyListColumn =>
    c.fit?.drop === undefined ? c : { ...c, fit: { ...c.fit, drop: undefined } };
  return fields.map((field) => {
    const column = columns.find((c) => c.field === field);
    return column !== undefined
      ? named(column)
      : {
          field,
          header: mode === 'table' ? field.replace(/_/g, ' ').toUpperCase() : field,
          value: (r: AccessKeyRecord) => (r as unknown as Record<string, unknown>)[field],
        };
  });
}
