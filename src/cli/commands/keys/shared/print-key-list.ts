import { isJsonMode } from '../../../../output/mode.js';
import type { Printer } from '../../../../output/printer.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import { keyJson } from './key-columns.js';
import { keyListColumns } from './key-list-layout.js';

/**
 * A collected key list in the printer's mode: keyJson records in json/ndjson, the key
 * columns in table and tsv; `emptyMessage` on stderr for an empty table.
 */
export async function printKeyList(
  printer: Printer,
  rows: readonly AccessKeyRecord[],
  now: Date,
  emptyMessage: string,
): Promise<void> {
  if (isJsonMode(printer.mode)) {
    await printer.list(rows.map(keyJson), []);
    return;
  }
  await printer.list(rows, keyListColumns(printer.mode, now), { emptyMessage });
}
