import { loadSecrets } from '../../../../config/credentials.js';
import { configDir } from '../../../../config/paths.js';
import { listProfiles } from '../../../../config/profiles.js';
import { isJsonMode } from '../../../../output/mode.js';
import type { CommandContext } from '../../../runtime/context.js';
import { activeProfile } from '../shared/active-profile.js';
import { type ProfileRow, profileColumns } from './rows.js';

/**
 * `helixctl profiles list`: every stored profile plus the built-in `local`, marking the one in
 * force (`--profile`, HELIXCTL_PROFILE, else the default) and whether a secret is stored.
 */
export async function profilesList(
  _options: Record<string, never>,
  ctx: CommandContext,
): Promise<number> {
  const dir = configDir(ctx.env);
  const entries = await listProfiles(dir);
  const secrets = await loadSecrets(dir);
  const current = entries.find((entry) => entry.current)?.name;
  const active = activeProfile(ctx.globals, ctx.env, current);
  const rows: ProfileRow[] = entries.map((entry) => ({
    name: entry.name,
    url: entry.profile?.url ?? null,
    tenant_id: entry.profile?.tenant_id ?? null,
    access_key: entry.profile?.access_key ?? null,
    built_in: entry.builtIn,
    current: entry.current,
    active: entry.name === active.name,
    secret_stored: Object.hasOwn(secrets, entry.name),
  }));
  await ctx.printer.list(rows, profileColumns(ctx.printer.mode));
  if (isJsonMode(ctx.printer.mode)) return 0;
  if (active.reason === 'env-credentials') {
    ctx.printer.info('credentials in the environment are in force: no profile is active');
  } else if (active.name !== undefined && !rows.some((row) => row.active)) {
    ctx.printer.warn(`the active profile ${active.name} (from ${active.reason}) does not exist`);
  } else if (active.reason === 'none' && rows.length === 1) {
    ctx.printer.info(
      'no profile yet: helixctl login, or try the built-in one with --profile local',
    );
  }
  return 0;
}
