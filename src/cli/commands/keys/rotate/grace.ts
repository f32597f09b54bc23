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
import { adoptOwnSuccessor } from './own-credential-hook.js';
import { retireOldKey } from './retire.js';
import { rollBack, verifyOrRollBack } from './rollback.js';

/**
 * `rotate <key> --grace <d> [--verify]` for access and user-level keys: a clone of the old key
 * is created and its secret delivered at once (so it is never lost), then optionally tried,
 * and only then is the old key set to expire after the grace period. A failed delivery or
 * verification deletes the clone and leaves the old key untouched. With `--json` one
 * document reports either outcome.
 */
export async function rotateWithGrace(
  ctx: CommandContext,
  conn: Connection,
  old: AccessKeyRecord,
  options: { graceMs: number; verify: boolean; dryRun: boolean },
  sinks: SinkPlan,
): Promise<number> {
  const plan = await planClone(conn, old, options.graceMs, ctx.now());
  if (options.dryRun) {
    printGracePlan(ctx, plan, options.verify);
    return 0;
  }
  await confirmRotation(
    ctx,
    `Replace "${old.name}" (${old.access_key}) with a new key? The old key keeps working until ${utcText(plan.oldExpiresAt)}.`,
  );
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
  ctx.printer.success(
    `created "${created.name}" (${created.access_key}) to replace ${old.access_key}`,
  );
  if (verify) await verifyOrRollBack(ctx, conn, outcome, credential);
  await adoptOwnSuccessor(ctx, conn, old.access_key, credential);
  outcome.old = await retireOldKey(ctx, conn, outcome.plan, created.access_key);
  outcome.retired = true;
  return 0;
}
