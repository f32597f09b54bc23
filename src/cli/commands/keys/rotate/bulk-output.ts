import { keyTypeWord } from '../../../../core/key-type.js';
import { sanitizeInline } from '../../../../output/sanitize.js';
import { githubMaskLines } from '../../../../output/secret/mask.js';
import type { CommandContext } from '../../../runtime/context.js';
import { jsonExpiry } from '../shared/key-columns.js';
import { bulkColumns } from './bulk-columns.js';
import type { BulkRow } from './bulk-types.js';

/** Where results go as they come. */
export interface BulkOutput {
  add(row: BulkRow): void;
  /** Ends the output: closes the JSON array, or prints the table. Call it exactly once. */
  finish(): Promise<void>;
}

/**
 * Results on stdout. JSON is streamed: `[` at once, each row as its key finishes, `]` at the
 * end: one document, yet a secret whose only sink is stdout leaves the process the moment it
 * exists (order is completion order). `-o ndjson` writes a line a row. Table and TSV print
 * sorted by name at the end; a secret that lost its sink is printed right away, never kept.
 */
export function openBulkOutput(ctx: CommandContext): BulkOutput {
  const { printer } = ctx;
  const output = openModeOutput(ctx);
  return {
    add(row) {
      // A row with a secret makes stdout one of its sinks: it must take every byte.
      if (row.credential !== undefined || row.access_secret_key !== undefined) {
        printer.holdsSecret(row.name);
      }
      output.add(printed(row));
    },
    finish: () => output.finish(),
  };
}

/**
 * The row as every mode prints it (docs/cli-contract.md §6): the type as `--type` spells it,
 * the renewed expiry RFC 3339 UTC. Rows are built with wire values; this is where they change.
 */
function printed(row: BulkRow): BulkRow {
  const expiry = row.new_expiry_time;
  return {
    ...row,
    type: keyTypeWord(row.type),
    ...(expiry === undefined ? {} : { new_expiry_time: jsonExpiry({ expiry_time: expiry }) }),
  };
}

function openModeOutput(ctx: CommandContext): BulkOutput {
  const { printer } = ctx;
  if (printer.mode === 'json') return jsonArrayOutput(ctx);
  if (printer.mode === 'ndjson') {
    return {
      add: (row) => printer.raw(`${JSON.stringify(row)}\n`),
      finish: async () => {},
    };
  }
  const rows: BulkRow[] = [];
  return {
    add(row) {
      rows.push(row);
      if (row.credential === undefined) return;
      const masks = githubMaskLines([row.access_secret_key ?? '', row.credential], ctx.env);
      printer.raw(masks.map((line) => `${line}\n`).join(''));
      printer.raw(
        `${sanitizeInline(row.name)} (${row.new_access_key ?? row.access_key}): ${row.credential}\n`,
      );
    },
    async finish() {
      rows.sort((a, b) => a.name.localeCompare(b.name) || a.access_key.localeCompare(b.access_key));
      await printer.list(rows, bulkColumns(printer.mode), { emptyMessage: 'no keys match' });
    },
  };
}

function jsonArrayOutput(ctx: CommandContext): BulkOutput {
  const pretty = ctx.io.stdout.isTTY === true;
  const write = (text: string) => ctx.printer.raw(text);
  let count = 0;
  write('[');
  return {
    add(row) {
      const text = pretty
        ? JSON.stringify(row, null, 2).replaceAll('\n', '\n  ')
        : JSON.stringify(row);
      write(`${count === 0 ? '' : ','}${pretty ? '\n  ' : ''}${text}`);
      count += 1;
    },
    async finish() {
      write(`${pretty && count > 0 ? '\n' : ''}]\n`);
    },
  };
}
