import type { CommandContext } from '../../../runtime/context.js';
import { fetchKeyDetails } from '../shared/key-details.js';
import type { KeyRefOptions } from '../shared/key-ref-options.js';
import { resolveKey } from '../shared/resolve-key.js';
import { detailFields, detailsJson } from './view.js';

/** `keys show <key>`: every field, groups, roles, permissions with their sources, owner. */
export async function keysShow(options: KeyRefOptions, ctx: CommandContext): Promise<number> {
  const conn = await ctx.connection();
  const record = await resolveKey(conn, options.key);
  const details = await fetchKeyDetails(conn, record);
  const { printer } = ctx;
  printer.result(
    () => detailsJson(details),
    () => {
      printer.record(details, detailFields(details, ctx.now()));
    },
  );
  return 0;
}
