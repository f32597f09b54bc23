import type { Expiry } from '../../../../core/expiry.js';
import type { SinkPlan } from '../../../../output/secret/types.js';
import { withSpinner } from '../../../../output/spinner.js';
import { imsPaths } from '../../../../wire/paths.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { keyJson } from '../shared/key-columns.js';
import { deliverSecret } from '../shared/new-credential.js';
import { adoptOwnCredential } from '../shared/own-credential.js';
import { apiGraceDays, rotateApi } from './api.js';
import { confirmRotation } from './guard.js';
import { renewExpiry } from './renew.js';

/** `--dry-run`: what a plain rotation would do, as a JSON document or a line on stderr. */
function printRotatePlan(ctx: CommandContext, record: AccessKeyRecord): void {
  const api = record.type === 'API';
  const effect = api
    ? `a new access key; the current one keeps working for ${apiGraceDays(record)} days`
    : 'a new secret for the same access key; the current secret stops working at once';
  ctx.printer.result(
    () => ({
      dry_run: true,
      action: api ? 'rotate_api_key' : 'regenerate_secret',
      key: keyJson(record),
      method: 'POST',
      path: api ? imsPaths.keyRotate(record.access_key) : imsPaths.keySecret(record.access_key),
      effect,
    }),
    () => {
      ctx.printer.info(`dry run: would rotate "${record.name}" (${record.access_key}): ${effect}`);
      ctx.printer.info('nothing was changed');
    },
  );
}

/**
 * Access and user-level keys: `POST /access_keys/{key}/secret`, same access key, new secret,
 * the old secret dead at once. API keys: `POST /access_keys/{key}/rotate`, a new access key,
 * the old one working through the service's grace period.
 */
export async function rotateInPlace(
  ctx: CommandContext,
  conn: Connection,
  record: AccessKeyRecord,
  sinks: SinkPlan,
  options: { dryRun: boolean; verify: boolean; expires?: Expiry },
): Promise<number> {
  if (options.dryRun) {
    printRotatePlan(ctx, record);
    return 0;
  }
  if (record.type === 'API') {
    return rotateApi(ctx, conn, record, sinks, options.verify, options.expires);
  }
  await confirmRotation(
    ctx,
    `Generate a new secret for "${record.name}" (${record.access_key})? The current secret stops working at once.`,
  );
  const fresh = await withSpinner(ctx.printer, 'Generating a new secret', () =>
    conn.client.regenerateSecret(record.access_key),
  );
  const secret = { secretKey: fresh.access_secret_key, tenantId: fresh.tenant_id };
  await adoptOwnCredential(ctx, conn, record.access_key, {
    ...secret,
    accessKey: record.access_key,
  });
  const code = await deliverSecret(ctx, sinks, { record, ...secret }, 'New secret');
  ctx.printer.success(
    `new secret for "${record.name}" (${record.access_key}); the previous secret no longer works`,
  );
  const renewed = await renewExpiry(conn, record.access_key, record, ctx.now(), options.expires);
  if (renewed) ctx.printer.info(renewed.text);
  return code;
}
