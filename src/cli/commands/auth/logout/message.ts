import type { SettingsMode } from '../../../../config/settings.js';

/** What logout removes (or, with --dry-run, would remove). */
export interface LogoutPlan {
  profile: string | undefined;
  mode: SettingsMode;
  secret: boolean;
  tokens: boolean;
}

/** The one line logout prints on stderr (table and tsv modes). */
export function logoutMessage(plan: LogoutPlan, dryRun: boolean): string {
  const prefix = dryRun ? 'dry run: would remove' : 'removed';
  const removed = [plan.secret && 'the stored secret', plan.tokens && 'the cached tokens']
    .filter(Boolean)
    .join(' and ');
  if (plan.mode === 'none') {
    return 'not logged in: no profile is active and no credentials are in the environment; nothing to remove';
  }
  if (plan.mode === 'env') {
    const tokens = plan.tokens ? `; ${prefix} their cached tokens (HELIXCTL_CACHE=1)` : '';
    return `the credentials come from the environment and nothing is stored for them${tokens}; unset the variables to log out`;
  }
  if (plan.mode === 'local') {
    const done = plan.tokens
      ? `${prefix} the cached tokens of the local profile`
      : 'no cached tokens for the local profile';
    return `${done}; the local emulator's administrator credential is kept (its database cannot give it back)`;
  }
  const name = plan.profile ?? '';
  if (removed === '')
    return `profile ${name} has no stored secret or cached tokens: nothing to remove`;
  const again = dryRun ? '' : ` (log in again with: helixctl login --profile ${name})`;
  return `profile ${name}: ${prefix} ${removed}; its URL, tenant and access key are kept${again}`;
}
