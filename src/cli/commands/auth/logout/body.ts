import { sweepAllTempFiles } from '../../../../config/config-lock.js';
import { getSecret, removeSecret } from '../../../../config/credentials.js';
import { configDir } from '../../../../config/paths.js';
import { getProfile } from '../../../../config/profiles.js';
import type { Settings } from '../../../../config/settings.js';
import type { CommandContext } from '../../../runtime/context.js';
import {
  cachedIdentities,
  forgetTokens,
  tokenIdentities,
} from '../../../runtime/token-identities.js';
import { type LogoutPlan, logoutMessage } from './message.js';
import type { LogoutOptions } from './options.js';

/**
 * `helixctl logout`: forgets the active profile's secret and cached tokens, keeping its URL,
 * tenant and access key. `local` keeps its administrator credential (only tokens go); with
 * credentials from the environment nothing is stored (except tokens under HELIXCTL_CACHE=1).
 */
export async function logout(options: LogoutOptions, ctx: CommandContext): Promise<number> {
  const { settings } = await ctx.settings({ requireCredentials: false });
  const dir = configDir(ctx.env);
  const plan = await planLogout(dir, settings);
  if (!options.dryRun) {
    if (plan.secret && plan.profile) await removeSecret(dir, plan.profile);
    if (plan.tokens) await forgetTokens(dir, await identities(dir, settings));
    // A login killed mid-write may have left its secret or tokens in a temporary file.
    await sweepAllTempFiles(dir);
  }
  const what = { secret: plan.secret, tokens: plan.tokens };
  const common = { profile: plan.profile ?? null, mode: plan.mode };
  ctx.printer.result(
    () =>
      options.dryRun
        ? { dry_run: true, action: 'logout', ...common, would_remove: what }
        : { ...common, removed: what },
    () => ctx.printer.info(logoutMessage(plan, options.dryRun)),
  );
  return 0;
}

async function planLogout(dir: string, settings: Settings): Promise<LogoutPlan> {
  const profile = settings.profile.value;
  const base = { profile, mode: settings.mode, secret: false, tokens: false };
  if (settings.mode === 'none' || (settings.mode === 'env' && !settings.cacheTokens)) return base;
  const tokens = (await cachedIdentities(dir, await identities(dir, settings))).length > 0;
  // The local profile's secret is the emulator's admin credential: never dropped by logout.
  const secret =
    settings.mode === 'profile' && profile !== undefined
      ? (await getSecret(dir, profile)) !== undefined
      : false;
  return { ...base, secret, tokens };
}

async function identities(dir: string, settings: Settings) {
  const name = settings.profile.value;
  if (name === undefined) return tokenIdentities('', undefined, settings);
  return tokenIdentities(name, await getProfile(dir, name), settings);
}
