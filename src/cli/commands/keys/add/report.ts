import { USER_KEY_LIMIT } from '../../../../core/user-key-limit.js';
import type { CreatedAccessKey } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import { describeChosenExpiry, recordExpiryText, TYPE_WORD } from './expiry-text.js';
import { type AddPlan, addPlanJson, createPath } from './request.js';

const list = (items: { name: string }[]) =>
  items.length === 0 ? '-' : items.map((i) => i.name).join(', ');

/** `--dry-run`: the validated plan, as one JSON document or as lines on stderr. */
export function printAddPlan(ctx: CommandContext, plan: AddPlan, heldKeys?: number): void {
  const { printer } = ctx;
  printer.result(
    () => addPlanJson(plan, heldKeys),
    () => {
      const owner =
        plan.owner.kind === 'tenant'
          ? 'the tenant'
          : `user ${plan.owner.userId}${plan.owner.self ? ' (you)' : ''}`;
      printer.info(`dry run: would create the ${TYPE_WORD[plan.type]} "${plan.name}"`);
      if (plan.description !== undefined) printer.info(`  description: ${plan.description}`);
      printer.info(`  expires:     ${describeChosenExpiry(plan.expiry, ctx.now())}`);
      if (plan.owner.kind === 'tenant') {
        printer.info(`  groups:      ${list(plan.groups)}`);
        printer.info(`  roles:       ${list(plan.roles)}`);
      }
      printer.info(`  owner:       ${owner} (POST ${createPath(plan.owner)})`);
      if (heldKeys !== undefined) {
        printer.info(`  user keys:   ${heldKeys} of ${USER_KEY_LIMIT} held before this one`);
      }
      printer.info('nothing was created');
    },
  );
}

/** The closing line on stderr: which key, and when it stops working (absolute, UTC). */
export function reportCreated(ctx: CommandContext, created: CreatedAccessKey, note?: string): void {
  const expiry = recordExpiryText(created);
  const how = note === undefined ? '' : ` (${note})`;
  const when = expiry === 'never' ? 'never expires' : `expires ${expiry}${how}`;
  const word = TYPE_WORD[created.type] ?? 'key';
  ctx.printer.success(`created ${word} "${created.name}" (${created.access_key}); it ${when}`);
}
