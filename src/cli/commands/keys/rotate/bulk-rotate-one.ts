import { formatCredential } from '../../../../core/credential.js';
import { isHelixError } from '../../../../core/errors.js';
import { ExitCode } from '../../../../core/exit-codes.js';
import type { Expiry } from '../../../../core/expiry.js';
import { assertDeliverable } from '../../../../output/secret/checked.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { apiRotationCheckHint } from './api.js';
import { type BulkDeliveryIo, deliverBulk } from './bulk-deliver.js';
import type { BulkError, BulkRow, BulkSinks, BulkTarget } from './bulk-types.js';
import { renewExpiry } from './renew.js';

interface FreshSecret {
  accessKey: string;
  secretKey: string;
  tenantId: string;
}

/**
 * Rotates one key with the one request it needs (the listing already gave its record), then
 * delivers its secret before the worker takes the next key. Never throws: every outcome is a row.
 */
export async function rotateOne(
  conn: Connection,
  target: BulkTarget,
  sinks: BulkSinks,
  io: BulkDeliveryIo,
  now: Date,
  expires?: Expiry,
): Promise<BulkRow> {
  const { record } = target;
  const head = { name: record.name, access_key: record.access_key };
  let fresh: FreshSecret;
  try {
    fresh = await rotateKey(conn, record);
  } catch (error) {
    return { ...head, type: record.type, result: 'failed', rotated: false, error: errorOf(error) };
  }
  try {
    assertDeliverable(fresh);
  } catch (error) {
    return { ...head, type: record.type, result: 'failed', rotated: true, error: errorOf(error) };
  }
  await io.adoptOwn?.(record.access_key, fresh);
  // Rotation renews (README "Key lifecycle"): the key gets its original period again from
  // now. A failure here leaves the new secret valid: reported on the row, secret delivered.
  let renewError: BulkError | undefined;
  let newExpiry: string | null | undefined;
  try {
    const renewed = await renewExpiry(conn, fresh.accessKey, record, now, expires);
    newExpiry = renewed === undefined ? undefined : (renewed.record.expiry_time ?? null);
  } catch (error) {
    renewError = errorOf(error);
  }
  const cred = { ...fresh, credential: formatCredential(fresh) };
  const delivery = await deliverBulk(cred, target.fileName, sinks, io);
  const withSecret = sinks.stdout || delivery.fallback;
  return {
    ...head,
    ...(fresh.accessKey === record.access_key ? {} : { new_access_key: fresh.accessKey }),
    type: record.type,
    result: delivery.failure === undefined && renewError === undefined ? 'rotated' : 'failed',
    rotated: true,
    ...(newExpiry === undefined ? {} : { new_expiry_time: newExpiry }),
    ...(delivery.failure === undefined ? {} : { error: delivery.failure }),
    ...(renewError === undefined || delivery.failure !== undefined ? {} : { error: renewError }),
    ...(delivery.secretFile === undefined ? {} : { secret_file: delivery.secretFile }),
    secret_delivered_to:
      withSecret && !sinks.stdout ? [...delivery.deliveredTo, 'stdout'] : delivery.deliveredTo,
    tenant_id: fresh.tenantId,
    ...(withSecret ? { access_secret_key: cred.secretKey, credential: cred.credential } : {}),
  };
}

/** TENANT and USER keys get a new secret; API keys a new access key and secret. */
async function rotateKey(conn: Connection, record: AccessKeyRecord): Promise<FreshSecret> {
  const checkHint = `check with \`helixctl keys show ${record.access_key}\`; if its old secret fails, rotate it again`;
  const answer =
    record.type === 'API'
      ? await conn.client.rotateApiKey(record.access_key, {
          checkHint: apiRotationCheckHint(record),
        })
      : await conn.client.regenerateSecret(record.access_key, { checkHint });
  return {
    accessKey: answer.access_key,
    secretKey: answer.access_secret_key,
    tenantId: answer.tenant_id,
  };
}

function errorOf(error: unknown): BulkError {
  if (isHelixError(error)) {
    const hint = error.hint === undefined ? {} : { hint: error.hint };
    return { code: error.code, message: error.message, ...hint, exit_code: error.exitCode };
  }
  // Unexpected failures reach us already scrubbed by the API layer (no bodies, no secrets).
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
  return { code: 'INTERNAL', message: message || 'unexpected error', exit_code: ExitCode.INTERNAL };
}
