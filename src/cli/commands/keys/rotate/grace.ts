import { formatDuration } from '../../../../core/duration-format.js';
import type { Expiry } from '../../../../core/expiry.js';
import { checkHandOverFits } from '../../../../core/key-lifecycle.js';
import { isJsonMode } from '../../../../output/mode.js';
import type { SinkPlan } from '../../../../output/secret/types.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { AccessKeyRecord, CreatedAccessKey } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { deliverSecret } from '../shared/new-credential.js';
import { utcText } from '../shared/utc-text.js';
import { withoutSecret } from '../shared/without-secret.js';
import { createClone, planClone } from './clone.js';
import { type GraceOutcome, graceJson, printGracePlan } from './grace-report.js';
import { confirmRotation } from './guard.js';
import { clearLeftovers, refuseHandOverKey } from './handover.js';
import { adoptOwnSuccessor } from './own-credential-hook.js';
import { finishSuccessor, retireOldKey } from './retire.js';
import { rollBack, verifyOrRollBack } from './rollback.js';

/**
 * `rotate <key> --grace <d> [--verify]` for access and user-level keys, a hand-over of the
 * name (README "Key lifecycle"): (a) leftovers of earlier hand-overs of this name are cleared;
 * (b) a successor is created with a pending marker and a renewed expiry; (c) its secret is
 * delivered at once (so it is never lost); (d) optionally tried; (e) the old key is marked
 * retiring and set to expire after the grace period; (f) the successor's marker goes. A failed
 * delivery or verification deletes the successor and leaves the old key untouched. With
 * `--json` one document reports either outcome.
 */
export async function rotateWithGrace(
  ctx: CommandContext,
  conn: Connection,
  old: AccessKeyRecord,
  options: {
    graceMs: number;
    verify: boolean;
    dryRun: boolean;
    force: boolean;
    expires?: Expiry;
    listed: readonly AccessKeyRecord[];
  },
  sinks: SinkPlan,
): Promise<number> {
  refuseHandOverKey(old);
  checkHandOverFits(old.name, old.description);
  if (options.dryRun) {
    await clearLeftovers(ctx, conn, old, options.listed, { force: options.force, dryRun: true });
    const plan = await planClone(conn, old, options.graceMs, ctx.now(), options.expires);
    printGracePlan(ctx, plan, options.verify);
    return 0;
  }
  await confirmRotation(
    ctx,
    `Replace "${old.name}" (${old.access_key}) with a new key? The old key keeps working for ${formatDuration(options.graceMs)}.`,
  );
  await clearLeftovers(ctx, conn, old, options.listed, { force: options.force, dryRun: false });
  // Planned after the clean-up: a dead retiring key deleted there frees a user's key slot.
  const plan = await planClone(conn, old, options.graceMs, ctx.now(), options.expires);
  const created = await withSpinner(ctx.printer, 'Creating the replacement key', () =>
    createClone(conn, plan),
  );
  const outcome: GraceOutcome = {
    plan,
    old,
    created: withoutSecret(created),
    verified: false,
    rolledBack: false,
    retired: false,
  };
  try {
    return await handOver(ctx, conn, outcome, created, sinks, options.verify);
  } finally {
    if (isJsonMode(ctx.printer.mode)) {
      ctx.printer.json(graceJson(outcome));
    }
  }
}

async function handOver(
  ctx: CommandContext,
  conn: Connection,
  outcome: GraceOutcome,
  created: CreatedAccessKey,
  sinks: SinkPlan,
  verify: boolean,
): Promise<number> {
  const { old } = outcome;
  const credential = {
    accessKey: created.access_key,
    secretKey: created.access_secret_key,
    tenantId: created.tenant_id,
  };
  const code = await deliverSecret(
    ctx,
    sinks,
    { record: outcome.created, secretKey: credential.secretKey, tenantId: credential.tenantId },
    'Replacement key',
    { composeJson: (fields) => Object.assign(outcome, { fields }) },
  );
  if (code !== 0) {
    await rollBack(ctx, conn, outcome, 'the secret could not be delivered');
    ctx.printer.warn(`"${old.name}" (${old.access_key}) is unchanged`);
    return code;
  }
  const { newExpiresAt, newExpiryNote } = outcome.plan;
  const expires =
    newExpiresAt === null
      ? 'it never expires'
      : `it expires ${utcText(newExpiresAt)}${newExpiryNote ? ` (${newExpiryNote})` : ''}`;
  ctx.printer.success(
    `created "${created.name}" (${created.access_key}) to replace ${old.access_key}; ${expires}`,
  );
  if (verify) await verifyOrRollBack(ctx, conn, outcome, credential);
  await adoptOwnSuccessor(ctx, conn, old.access_key, credential);
  outcome.old = await retireOldKey(ctx, conn, outcome.plan, created.access_key);
  outcome.retired = true;
  outcome.created = await finishSuccessor(ctx, conn, outcome.created);
  return 0;
}
