import { permissionLabel } from '../../../../core/permission-text.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { Column } from '../../../../output/columns.js';
import type { CommandContext } from '../../../runtime/context.js';
import { type PermissionSource, permissionSources } from '../shared/key-details.js';
import type { KeyRefOptions } from '../shared/key-ref-options.js';
import { resolveKey } from '../shared/resolve-key.js';

/** `label` shows a permission: as people read it in the table, as the service says in TSV. */
const columns = (label: (permission: string) => string): Column<PermissionSource>[] => [
  { header: 'PERMISSION', value: (s) => label(s.permission) },
  { header: 'VIA', value: (s) => s.via ?? '-' },
  { header: 'NAME', value: (s) => s.name ?? '-' },
];

/**
 * `keys permissions <key>`: the effective permissions, one row per permission and source
 * (a permission granted by a role and by a group shows twice). A user-level key's are its
 * owner's, which the service reports as such.
 */
export async function keysPermissions(
  options: KeyRefOptions,
  ctx: CommandContext,
): Promise<number> {
  const conn = await ctx.connection();
  const record = await resolveKey(conn, options.key);
  const rows = permissionSources(await conn.client.getKeyPermissions(record.access_key));
  if (ctx.printer.mode === 'table' && record.type === 'USER' && rows.length > 0) {
    ctx.printer.info(
      `${quoteForMessage(record.name)} is a user key: these are its owner's permissions`,
    );
  }
  const tsv = ctx.printer.mode === 'tsv';
  // TSV keeps the service's values (`*`), like JSON: only people get `all permissions (*)`.
  const shown = tsv
    ? columns((p) => p).map((c) => ({ ...c, header: c.header.toLowerCase() }))
    : columns(permissionLabel);
  await ctx.printer.list(rows, shown, {
    emptyMessage: `key ${quoteForMessage(record.name)} (${record.access_key}) has no permissions`,
  });
  return 0;
}
