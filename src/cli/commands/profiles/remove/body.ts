import { sweepAllTempFiles } from '../../../../config/config-lock.js';
import { getSecret, removeSecret } from '../../../../config/credentials.js';
import { LOCAL_PROFILE } from '../../../../config/profile-schema.js';
import { removeProfile } from '../../../../config/profiles.js';
import type { CommandContext } from '../../../runtime/context.js';
import {
  cachedIdentities,
  forgetTokens,
  tokenIdentities,
} from '../../../runtime/token-identities.js';
import { describeProfile, unknownProfile } from '../shared/known-profile.js';
import { loadNamedProfile } from '../shared/named-profile.js';
import type { ProfileNameOptions } from '../shared/profile-name-options.js';
import { type RemovalPlan, reportRemoval } from './report.js';

/**
 * `helixctl profiles remove <name>`: forgets the profile, its secret and its cached tokens,
 * and clears the default when it was the default. The secret cannot be recovered, so this
 * asks on a terminal and needs `--yes` otherwise (exit 8).
 */
export async function profilesRemove(
  options: ProfileNameOptions,
  ctx: CommandContext,
): Promise<number> {
  const { name, dir, file } = await loadNamedProfile(options, ctx);
  const stored = Object.hasOwn(file.profiles, name) ? file.profiles[name] : undefined;
  const ids = await cachedIdentities(dir, tokenIdentities(name, stored));
  const plan: RemovalPlan = {
    name,
    profile: stored !== undefined,
    secret: (await getSecret(dir, name)) !== undefined,
    tokens: ids.length > 0,
    wasCurrent: file.current_profile === name,
  };
  const anything = plan.profile || plan.secret || plan.tokens || plan.wasCurrent;
  if (!anything && name !== LOCAL_PROFILE) throw unknownProfile(name, file);
  if (anything && !options.dryRun) {
    await ctx.prompter.confirm({
      message: `Remove profile ${name} (${describeProfile(name, stored)})${plan.secret ? ' and its stored secret, which cannot be recovered' : ''}?`,
      what: `confirmation to remove profile ${name}`,
    });
    await forgetTokens(dir, ids);
    if (plan.secret) await removeSecret(dir, name);
    if (plan.profile || plan.wasCurrent) await removeProfile(dir, name);
    // A login killed mid-write may have left a secret or tokens in a temporary file.
    await sweepAllTempFiles(dir);
  }
  reportRemoval(ctx, plan, options.dryRun);
  return 0;
}
