import { imsPaths } from '../../api/paths.js';
import type { AccessKeyRecord } from '../../api/types.js';
import { formatWireSeconds } from '../../core/timestamp.js';
import type { SinkPlan } from '../../output/secret/types.js';
import { withSpinner } from '../../output/spinner.js';
import type { Connection } from '../connect.js';
import type { CommandContext } from '../context.js';
import { utcText } from './add-expiry.js';
import { withoutSecret } from './add-request.js';
import { keyJson } from './key-columns.js';
import { deliverSecret } from './new-credential.js';
import { apiGraceDays, apiGraceEnd } from './rotate-api.js';
import { confirmRotation } from './rotate-guard.js';
import { verificationFailed, verifyNewKey } from './rotate-verify.js';

/** `--dry-run`: what a plain rotation would do, as a JSON document or a line on stderr. */
function printRotatePlan(ctx: CommandContext, record: AccessKeyRecord): void {
  const api = record.type === 'API';
  const effect = api
    ? `a new access key; the current one keeps working for ${apiGraceDays(record)} days`
    : 'a new secret for the same access key; the current secret stops working at once';
  if (ctx.printer.mode === 'json' || ctx.printer.mode === 'ndjson') {
    ctx.printer.json({
      dry_run: true,
      action: api ? 'rotate_api_key' : 'regenerate_secret',
      key: keyJson(record),
      method: 'POST',
      path: api ? imsPaths.keyRotate(record.access_key) : imsPaths.keySecret(record.access_key),
      effect,
    });
    return;
  }
  ctx.printer.info(`dry run: would rotate "${record.name}" (${record.access_key}): ${effect}`);
  ctx.printer.info('nothing was changed');
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
  options: { dryRun: boolean; verify: boolean },
): Promise<number> {
  if (options.dryRun) {
    printRotatePlan(ctx, record);
    return 0;
  }
  if (record.type === 'API') return rotateApi(ctx, conn, record, sinks, options.verify);
  await confirmRotation(
    ctx,
    `Generate a new secret for "${record.name}" (${record.access_key})? The current secret stops working at once.`,
  );
  const fresh = await withSpinner(ctx.printer, 'Generating a new secret', () =>
    conn.client.regenerateSecret(record.access_key),
  );
  const secret = { secretKey: fresh.access_secret_key, tenantId: fresh.tenant_id };
  const code = await deliverSecret(ctx, sinks, { record, ...secret }, 'New secret');
  ctx.printer.success(
    `new secret for "${record.name}" (${record.access_key}); the previous secret no longer works`,
  );
  return code;
}

async function rotateApi(
  ctx: CommandContext,
  conn: Connection,
  record: AccessKeyRecord,
  sinks: SinkPlan,
  verify: boolean,
): Promise<number> {
  await confirmRotation(
    ctx,
    `Rotate API key "${record.name}" (${record.access_key})? It gets a new access key; the current one keeps working for ${apiGraceDays(record)} days.`,
  );
  const asked = ctx.now();
  const rotated = await withSpinner(ctx.printer, 'Rotating API key', () =>
    conn.client.rotateApiKey(record.access_key),
  );
  const until = apiGraceEnd(rotated, asked);
  const code = await deliverSecret(
    ctx,
    sinks,
    {
      record: withoutSecret(rotated),
      secretKey: rotated.access_secret_key,
      tenantId: rotated.tenant_id,
      extra: { old_access_key: record.access_key, old_valid_until: formatWireSeconds(until) },
    },
    'Rotated API key',
  );
  const oldWorks = `the old access key ${record.access_key} keeps working until ${utcText(until)}`;
  ctx.printer.success(`rotated API key "${rotated.name}": new access key ${rotated.access_key}`);
  ctx.printer.info(oldWorks);
  if (verify && code === 0) {
    const credential = {
      accessKey: rotated.access_key,
      secretKey: rotated.access_secret_key,
      tenantId: rotated.tenant_id,
    };
    // An API rotation cannot be undone: a failure is reported, the old key still works.
    const failure = await verifyNewKey(ctx, conn, credential);
    if (failure !== undefined) {
      throw verificationFailed(
        `the new access key ${rotated.access_key} could not log in (${failure}); ${oldWorks}`,
        'switch over only once the new key logs in; rotate again if it never does',
      );
    }
    ctx.printer.success('logged in with the new key');
  }
  return code;
}
