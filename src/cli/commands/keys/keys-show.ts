import type { CommandContext } from '../../context.js';
import { resolveKey } from '../../keys/resolve-key.js';
import { fetchKeyDetails } from '../../keys/show-details.js';
import { detailFields, detailsJson } from '../../keys/show-view.js';
import type { KeyRefOptions } from './options.js';

/** `keys show <key>`: every field, groups, roles, permissions with their sources, owner. */
export async function keysShow(options: KeyRefOptions, ctx: CommandContext): Promise<number> {
  const conn = await ctx.connection();
  const record = await resolveKey(conn, options.key);
  const details = await fetchKeyDetails(conn, record);
  const { printer } = ctx;
  if (printer.mode === 'json' || printer.mode === 'ndjson') {
    printer.json(detailsJson(details));
    return 0;
  }
  printer.record(details, detailFields(details, ctx.now()));
  return 0;
}
