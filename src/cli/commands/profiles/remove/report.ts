import { dataDir, dataFiles } from '../../../../config/paths.js';
import { LOCAL_PROFILE } from '../../../../config/profile-schema.js';
import type { CommandContext } from '../../../runtime/context.js';

/** What `profiles remove` takes away (or, with --dry-run, would). */
export interface RemovalPlan {
  name: string;
  profile: boolean;
  secret: boolean;
  tokens: boolean;
  /** It was the default profile: there is no default afterwards. */
  wasCurrent: boolean;
}

/** JSON document, or messages on stderr (with the local emulator's caveat). */
export function reportRemoval(ctx: CommandContext, plan: RemovalPlan, dryRun: boolean): void {
  const what = { profile: plan.profile, secret: plan.secret, tokens: plan.tokens };
  ctx.printer.result(
    () => {
      const common = { profile: plan.name, was_current: plan.wasCurrent };
      return dryRun
        ? { dry_run: true, action: 'profiles remove', ...common, would_remove: what }
        : { ...common, removed: what };
    },
    () => {
      const parts = [
        plan.profile && 'its settings',
        plan.secret && 'its stored secret',
        plan.tokens && 'its cached tokens',
      ].filter((part): part is string => typeof part === 'string');
      if (parts.length === 0 && !plan.wasCurrent) {
        ctx.printer.info(`nothing is stored for the ${plan.name} profile: nothing to remove`);
        return;
      }
      const list = parts.length === 0 ? 'nothing but the default setting' : parts.join(', ');
      if (dryRun) {
        ctx.printer.info(`dry run: would remove profile ${plan.name}: ${list}; nothing changed`);
        return;
      }
      ctx.printer.success(`removed profile ${plan.name}: ${list}`);
      if (plan.wasCurrent) {
        ctx.printer.info(
          'there is no default profile now: pick one with helixctl profiles use <name>',
        );
      }
      if (plan.name === LOCAL_PROFILE && plan.secret) {
        const db = dataFiles(dataDir(ctx.env)).localDb;
        ctx.printer.warn(
          `the local emulator's database ${db} keeps its keys, but its administrator credential is gone; re-issue one (no key is lost): helixctl login --profile local`,
        );
      }
    },
  );
}
