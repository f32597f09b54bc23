import { withSpinner } from '../../../../output/spinner.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { KeyFilters } from '../shared/key-filters.js';
import { printKeyList } from '../shared/print-key-list.js';
import type { KeysListOptions } from './options.js';
import { planList } from './plan.js';
import { listedKeys } from './source.js';
import { streamKeys } from './stream.js';

/**
 * `keys list`: every page, filtered on our side. json, ndjson and tsv stream as pages arrive
 * unless a local sort needs them all; a table is collected (column widths need every row).
 */
export async function keysList(options: KeysListOptions, ctx: CommandContext): Promise<number> {
  const conn = await ctx.connection();
  const now = ctx.now();
  const { printer } = ctx;
  const plan = planList(options, printer.mode);
  const source = (limit: number | undefined) =>
    listedKeys(conn, { filters: options, now, query: plan.query, limit });
  if (plan.stream) {
    await streamKeys(printer, source(options.limit), now, options.fields);
    return 0;
  }
  const rows = await withSpinner(
    printer,
    'Listing keys',
    async () => {
      // A local sort needs every match before the first n can be known.
      const all: AccessKeyRecord[] = [];
      for await (const r of source(plan.localSort ? undefined : options.limit)) all.push(r);
      return all;
    },
    { successText: false },
  );
  if (plan.localSort) {
    rows.sort(plan.localSort);
    if (options.limit !== undefined) rows.length = Math.min(rows.length, options.limit);
  }
  await printKeyList(printer, rows, now, emptyMessage(options), options.fields);
  return 0;
}

function emptyMessage(filters: KeyFilters): string {
  const filtered =
    filters.type !== undefined ||
    filters.status !== undefined ||
    filters.expired === true ||
    filters.expiringWithinMs !== undefined ||
    filters.name !== undefined;
  return filtered ? 'no keys match these filters' : 'no keys to show';
}
