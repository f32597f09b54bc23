import type { CommandContext } from '../../../runtime/context.js';
import { localBanner } from '../../../runtime/local-emulator.js';
import { settingRows } from './setting-sources.js';
import { whoamiFields, whoamiJson } from './view.js';

/**
 * `helixctl whoami`: `GET /userinfo` for the active credentials, then who they are (tenant,
 * principal, key type, roles, groups, permissions, administrator or not) and where each
 * setting came from. Never the secret: only whether one is set and from where.
 */
export async function whoami(
  _options: Record<string, never>,
  ctx: CommandContext,
): Promise<number> {
  const connection = await ctx.connection();
  const info = await connection.userinfo();
  const view = {
    info,
    admin: await connection.isAdmin(),
    local: connection.local,
    settings: settingRows(connection.settings, ctx.env, connection.proxy),
  };
  // The local profile says what it is here, not on every command (local-emulator.ts).
  if (view.local && (ctx.printer.mode === 'table' || ctx.printer.mode === 'tsv')) {
    ctx.printer.info(localBanner(ctx.env));
  }
  ctx.printer.result(
    () => whoamiJson(view),
    () => ctx.printer.record(view, whoamiFields(view, ctx.printer.mode)),
  );
  return 0;
}
