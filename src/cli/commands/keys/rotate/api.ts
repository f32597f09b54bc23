import type { Expiry } from '../../../../core/expiry.js';
import { DAY } from '../../../../core/time-units.js';
import { parseWireTimestamp } from '../../../../core/timestamp.js';
import type { SinkPlan } from '../../../../output/secret/types.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { deliverSecret } from '../shared/new-credential.js';
import { adoptOwnCredential } from '../shared/own-credential.js';
import { utcText } from '../shared/utc-text.js';
import { withoutSecret } from '../shared/without-secret.js';
import { confirmRotation } from './guard.js';
import { renewExpiry } from './renew.js';
import { verificationFailed, verifyNewKey } from './verify.js';

/** The service's default grace period for API keys, in days (docs/ims-api.md §7). */
export const DEFAULT_API_GRACE_DAYS = 15;

/** Days the previous access key of an API key keeps working after a rotation. */
export function apiGraceDays(record: AccessKeyRecord): number {
  return record.rotation?.grace_period ?? DEFAULT_API_GRACE_DAYS;
}

/**
 * Until when the previous access key works after a rotation: `last_rotation_date` +
 * `grace_period` days, as the service computes it; `fallback` (the time we asked) when the
 * service does not say when it rotated.
 */
export function apiGraceEnd(record: AccessKeyRecord, fallback: Date): Date {
  const last = record.rotation?.last_rotation_date;
  const from = (last === undefined ? undefined : parseWireTimestamp(last)) ?? fallback;
  return new Date(from.getTime() + apiGraceDays(record) * DAY);
}

/**
 * How to tell whether a rotation whose answer was lost happened. Not `keys show <old access
 * key>`: once rotated, the key is known by its new access key only, so that would say "no
 * such key" either way. The name finds it before and after.
 */
export function apiRotationCheckHint(record: AccessKeyRecord): string {
  const name = JSON.stringify(record.name);
  return `check with \`helixctl keys list --name ${name}\`: an access key other than ${record.access_key} means it rotated and its new secret is lost; rotate it again`;
}

/**
 * `POST /access_keys/{key}/rotate`: a new access key and secret, delivered at once; the old
 * access key keeps working until the grace period ends (said, and in JSON as
 * `old_valid_until`). With `verify`, the new key is then tried; an API rotation cannot be
 * undone, so a failure is exit 7 saying the old key still works and until when.
 */
export async function rotateApi(
  ctx: CommandContext,
  conn: Connection,
  record: AccessKeyRecord,
  sinks: SinkPlan,
  verify: boolean,
  expires?: Expiry,
): Promise<number> {
  await confirmRotation(
    ctx,
    `Rotate API key "${record.name}" (${record.access_key})? It gets a new access key; the current one keeps working for ${apiGraceDays(record)} days.`,
  );
  const asked = ctx.now();
  const rotated = await withSpinner(ctx.printer, 'Rotating API key', () =>
    conn.client.rotateApiKey(record.access_key, { checkHint: apiRotationCheckHint(record) }),
  );
  const until = apiGraceEnd(rotated, asked);
  await adoptOwnCredential(ctx, conn, record.access_key, {
    accessKey: rotated.access_key,
    secretKey: rotated.access_secret_key,
  });
  const code = await deliverSecret(
    ctx,
    sinks,
    {
      record: withoutSecret(rotated),
      secretKey: rotated.access_secret_key,
      tenantId: rotated.tenant_id,
      extra: { old_access_key: record.access_key, old_valid_until: utcText(until) },
    },
    'Rotated API key',
  );
  const oldWorks = `the old access key ${record.access_key} keeps working until ${utcText(until)}`;
  ctx.printer.success(`rotated API key "${rotated.name}": new access key ${rotated.access_key}`);
  ctx.printer.info(oldWorks);
  const renewed = await renewExpiry(conn, rotated.access_key, record, ctx.now(), expires);
  if (renewed) ctx.printer.info(renewed.text);
  if (verify && code === 0) {
    const failure = await verifyNewKey(ctx, conn, {
      accessKey: rotated.access_key,
      secretKey: rotated.access_secret_key,
      tenantId: rotated.tenant_id,
    });
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
