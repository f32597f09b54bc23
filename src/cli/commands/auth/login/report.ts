import { permissionCount } from '../../../../core/permission-text.js';
import type { UserInfo } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { LoginIdentity } from './inputs.js';
import type { LoginTarget } from './target.js';
import type { VerifiedLogin } from './verify.js';

export interface LoginOutcome {
  target: LoginTarget;
  identity: LoginIdentity;
  verified: VerifiedLogin;
  makeCurrent: boolean;
  previousCurrent: string | undefined;
  dryRun: boolean;
}

/**
 * stderr: `Logged in to <url> as <principal> (tenant <id>, <n> permissions); profile <name>
 * saved`, then whether it is the default. `--json`: the profile and the userinfo (never the
 * secret or a token).
 */
export function reportLogin(ctx: CommandContext, outcome: LoginOutcome): void {
  const { target, identity, verified, dryRun } = outcome;
  ctx.printer.result(
    () => ({
      ...(dryRun ? { dry_run: true, action: 'login' } : {}),
      profile: {
        name: target.name,
        url: identity.url,
        tenant_id: identity.tenantId,
        access_key: identity.accessKey,
        current: outcome.makeCurrent,
      },
      userinfo: verified.userinfo,
    }),
    () => {
      const info = verified.userinfo;
      const who = `Logged in to ${identity.url} as ${info.principal_id} (tenant ${info.tenant_id}, ${count(info)})`;
      if (dryRun) {
        ctx.printer.info(
          `dry run: ${who}; profile ${target.name} would be saved; nothing was saved`,
        );
        return;
      }
      ctx.printer.success(`${who}; profile ${target.name} saved`);
      ctx.printer.info(defaultLine(outcome));
    },
  );
}

function count(info: UserInfo): string {
  return permissionCount(info.permissions);
}

function defaultLine({ target, makeCurrent, previousCurrent }: LoginOutcome): string {
  if (!makeCurrent) {
    return `the default profile is still ${previousCurrent}: use this one with --profile ${target.name}, or make it the default with: helixctl profiles use ${target.name}`;
  }
  if (previousCurrent === target.name) return `the default profile is still ${target.name}`;
  return `the default profile is now ${target.name}: there was none yet`;
}
