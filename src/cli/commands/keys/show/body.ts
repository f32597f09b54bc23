import type { CommandContext } from '../../../runtime/context.js';
import { fetchKeyDetails } from '../shared/key-details.js';
import type { KeyRefOptions } from '../shared/key-ref-options.js';
import { resolveKey } from '../shared/resolve-key.js';
import { showFields, showJson } from './fields.js';

export interface KeysShowOptions extends KeyRefOptions {
  /** `--fields`: the JSON field names to print, in order (KEY_SHOW_FIELDS). */
  fields?: string[];
}

/** `keys show <key>`: every field, groups, roles, permissions with their sources, owner. */
export async function keysShow(options: KeysShowOptions, ctx: CommandContext): Promise<number> {
  const conn = await ctx.connection();
  const record = await resolveKey(conn, options.key);
  const details = await fetchKeyDetails(conn, record);
  const { printer } = ctx;
  printer.result(
    () => showJson(details, options.fields),
    () => {
      printer.record(details, showFields(details, ctx.now(), options.fields));
    },
  );
  return 0;
}
