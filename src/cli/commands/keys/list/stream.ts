import { type Column, cellValue } from '../../../../output/columns.js';
import type { Printer } from '../../../../output/printer.js';
import { cellText, escapeTsv } from '../../../../output/sanitize.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import { keyListColumns } from '../shared/key-list-layout.js';
import { keyListJson } from '../shared/print-key-list.js';

/** Written to stdout once this much is pending: few writes, and never a whole list held. */
const FLUSH_AT = 64 * 1024;

/**
 * Writes key records to stdout as they arrive, in json (one array, written incrementally),
 * ndjson or tsv, byte for byte what `printer.list` would print for the whole list. Nothing is
 * written before the first record (or the end), so a failure on the first page leaves stdout
 * empty. After a failure later on, a json array stays unterminated: a truncated list must not
 * parse as a complete one.
 */
export async function streamKeys(
  printer: Printer,
  records: AsyncIterable<AccessKeyRecord>,
  now: Date,
  fields?: readonly string[],
): Promise<number> {
  const format = formatter(printer, now, fields);
  let pending = '';
  let count = 0;
  const flush = () => {
    if (pending !== '') printer.raw(pending);
    pending = '';
  };
  try {
    for await (const record of records) {
      pending += count === 0 ? format.first(record) : format.next(record);
      count += 1;
      if (pending.length >= FLUSH_AT) flush();
    }
    pending += format.end(count);
  } finally {
    flush();
  }
  return count;
}

interface Formatter {
  first(record: AccessKeyRecord): string;
  next(record: AccessKeyRecord): string;
  end(count: number): string;
}

function formatter(printer: Printer, now: Date, fields?: readonly string[]): Formatter {
  const keyJson = (r: AccessKeyRecord) => keyListJson(r, fields);
  if (printer.mode === 'ndjson') {
    const line = (r: AccessKeyRecord) => `${JSON.stringify(keyJson(r))}\n`;
    return { first: line, next: line, end: () => '' };
  }
  if (printer.mode === 'json') {
    // Same text as JSON.stringify(array, null, 2) on a TTY, compact otherwise.
    const pretty = printer.io.stdout.isTTY === true;
    const item = (r: AccessKeyRecord) =>
      pretty
        ? JSON.stringify(keyJson(r), null, 2).replace(/\n/g, '\n  ')
        : JSON.stringify(keyJson(r));
    return {
      first: (r) => (pretty ? `[\n  ${item(r)}` : `[${item(r)}`),
      next: (r) => (pretty ? `,\n  ${item(r)}` : `,${item(r)}`),
      end: (count) => (count === 0 ? '[]\n' : pretty ? '\n]\n' : ']\n'),
    };
  }
  const columns = keyListColumns('tsv', now, fields);
  const header = `${columns.map((c) => escapeTsv(c.header)).join('\t')}\n`;
  const row = (r: AccessKeyRecord) => tsvRow(r, columns);
  return { first: (r) => header + row(r), next: row, end: (count) => (count === 0 ? header : '') };
}

function tsvRow(record: AccessKeyRecord, columns: readonly Column<AccessKeyRecord>[]): string {
  return `${columns.map((c) => escapeTsv(cellText(cellValue(record, c)))).join('\t')}\n`;
}
