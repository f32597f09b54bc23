import { pickFields } from '../../../../core/field-list.js';
import { isJsonMode } from '../../../../output/mode.js';
import type { Printer } from '../../../../output/printer.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import { keyJson } from './key-columns.js';
import { keyListColumns } from './key-list-layout.js';

/** A key as the list's JSON prints it: keyJson, only `fields` (in their order) when given. */
export function keyListJson(
  record: AccessKeyRecord,
  fields?: readonly string[],
): Record<string, unknown> {
  const json = keyJson(record);
  return fields === undefined ? json : pickFields(json, fields);
}

/**
 * A collected key list in the printer's mode: keyJson records in json/ndjson, the key
 * columns in table and tsv; `emptyMessage` on stderr for an empty table. `fields`
 * (`--fields`) picks the fields or columns in every mode.
 */
export async function printKeyList(
  printer: Printer,
  rows: readonly AccessKeyRecord[],
  now: Date,
  emptyMessage: string,
  fields?: readonly string[],
): Promise<void> {
  if (isJsonMode(printer.mode)) {
    await printer.list(
      rows.map((r) => keyListJson(r, fields)),
      [],
    );
    return;
  }
  await printer.list(rows, keyListColumns(printer.mode, now, fields), { emptyMessage });
}
