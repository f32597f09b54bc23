import { withSpinner } from '../../../../output/spinner.js';
import type { CommandContext } from '../../../runtime/context.js';
import { resolveAssignments } from '../shared/directory-refs.js';
import { deliverSecret, planSecretDelivery } from '../shared/new-credential.js';
import { FULL_OWNER_HINT, requireFreeUserKeySlot } from '../shared/user-key-count.js';
import { withoutSecret } from '../shared/without-secret.js';
import { checkGivenInputs, completeInputs, needsPrompt, requireWithoutPrompt } from './inputs.js';
import { checkNewKeyName } from './name-rules.js';
import type { KeysAddOptions } from './options.js';
import { decideOwner } from './owner.js';
import { printAddPlan, reportCreated } from './report.js';
import { type AddPlan, createPlannedKey } from './request.js';

/**
 * `keys add`: validate the flags, plan where the secret goes, decide the owner, ask for what
 * is missing, resolve groups and roles — and only then create the key and hand its secret
 * over at once. The exit code is the delivery's (a failed --secret-file or --exec child).
 */
export async function keysAdd(options: KeysAddOptions, ctx: CommandContext): Promise<number> {
  const given = checkGivenInputs(options, ctx.now());
  requireWithoutPrompt(ctx, given);
  const sinks = await planSecretDelivery(ctx, options.sinks);
  const conn = await ctx.connection();
  const owner = await decideOwner(conn, options);
  if (owner.kind === 'user' && owner.self && options.user === undefined) {
    ctx.printer.info('you are not a tenant administrator: creating your own user-level key');
  }
  // A person at the limit would answer every question only to be refused: refuse first.
  if (owner.kind === 'user' && !options.dryRun && needsPrompt(ctx, given)) {
    await requireFreeUserKeySlot(conn, owner.userId, {
      purpose: 'a new one would be refused',
      hint: FULL_OWNER_HINT,
    });
  }
  const inputs = await completeInputs(ctx, options, given, owner);
  await checkNewKeyName(conn, inputs.name, options.allowDuplicateName);
  const { groups, roles } = await resolveAssignments(conn, options.groups, options.roles);
  const plan: AddPlan = { ...inputs, groups, roles, owner };
  if (options.dryRun) {
    // The create would check the owner: an unknown user is exit 5, a full one exit 6.
    const held =
      owner.kind === 'user'
        ? await requireFreeUserKeySlot(conn, owner.userId, {
            purpose: 'the create would be refused',
            hint: FULL_OWNER_HINT,
          })
        : undefined;
    printAddPlan(ctx, plan, held);
    return 0;
  }
  const created = await withSpinner(ctx.printer, 'Creating access key', () =>
    createPlannedKey(conn, plan),
  );
  const secret = { secretKey: created.access_secret_key, tenantId: created.tenant_id };
  const record = withoutSecret(created);
  const code = await deliverSecret(ctx, sinks, { record, ...secret }, 'New access key');
  reportCreated(ctx, created, plan.expiry.kind === 'at' ? plan.expiry.note : undefined);
  return code;
}
