import type {
  AccessKeyRecord,
  CreatedAccessKey,
  RegeneratedSecret,
  StoredSecret,
} from '../../wire/types.js';
import { newSecretKey } from '../crypto/random.js';
import { hashSecret } from '../crypto/secret-hash.js';
import { badRequest } from '../model/api-error.js';
import type { JsonObject } from '../model/fields.js';
import { toKeyRecord } from '../repos/key-record.js';
import type { KeyRow } from '../repos/keys.js';
import { revokeRefreshTokens } from '../repos/tokens.js';
import { syncPrincipal } from '../repos/users.js';
import type { EmulatorContext } from './context.js';
import { unusedAccessKey } from './key-factory.js';
import { mutateKey } from './key-update.js';
import { DEFAULT_GRACE_PERIOD, DEFAULT_ROTATION_PERIOD, resolveRotation } from './rotation.js';

const DAY_MS = 86_400_000;

/** Keys named `<tenant id>@...` belong to BMC Helix Operations Management (rule 5.9). */
function refuseBhomManaged(key: KeyRow, action: string): void {
  if (key.name.startsWith(`${key.tenant_id}@`)) {
    throw badRequest(
      `Access key ${key.access_key} is managed by BMC Helix Operations Management (its name starts with "${key.tenant_id}@"): ${action}`,
    );
  }
}

/**
 * `POST /access_keys/{key}/secret`: a new secret for a TENANT or USER key. The old secret and
 * every refresh token issued with it stop working at once; the access key stays.
 */
export function regenerateSecret(ctx: EmulatorContext, key: KeyRow): RegeneratedSecret {
  refuseBhomManaged(key, 'its secret cannot be regenerated');
  if (key.type === 'API') {
    throw badRequest(
      `Access key ${key.access_key} is an API key: rotate it with POST /access_keys/{key}/rotate`,
    );
  }
  const secret = newSecretKey();
  // The name rule is checked on the committed row: a rename may have raced this request.
  mutateKey(ctx, key, (fresh) => {
    refuseBhomManaged(fresh, 'its secret cannot be regenerated');
    revokeRefreshTokens(ctx.db, fresh.user_id);
    return { ...fresh, secret_hash: hashSecret(secret) };
  });
  return { access_key: key.access_key, access_secret_key: secret, tenant_id: key.tenant_id };
}

/** `GET /access_keys/{key}/secret`: only the stored one-way form. */
export function storedSecret(key: KeyRow): StoredSecret {
  return { access_key: key.access_key, encrypted_secret_key: key.secret_hash };
}

/**
 * `POST /access_keys/{key}/rotate` (API keys): a new access key and secret; the previous pair
 * keeps logging in until last_rotation_date + grace_period days. A second rotation within the
 * grace period retires the older pair at once (only one old key is kept, as the record shows).
 */
export function rotateApiKey(ctx: EmulatorContext, key: KeyRow): CreatedAccessKey {
  refuseBhomManaged(key, 'it cannot be rotated');
  if (key.type !== 'API') {
    throw badRequest(
      `Access key ${key.access_key} is not an API key: use POST /access_keys/{key}/secret for a new secret`,
    );
  }
  const now = ctx.clock.now();
  const secret = newSecretKey();
  const next = mutateKey(ctx, key, (fresh) => {
    refuseBhomManaged(fresh, 'it cannot be rotated');
    const accessKey = unusedAccessKey(ctx.db);
    syncPrincipal(ctx.db, fresh.user_id, accessKey, fresh.name);
    return {
      ...fresh,
      access_key: accessKey,
      secret_hash: hashSecret(secret),
      old_access_key: fresh.access_key,
      old_secret_hash: fresh.secret_hash,
      old_valid_until: now + (fresh.grace_period ?? DEFAULT_GRACE_PERIOD) * DAY_MS,
      last_rotation_at: now,
      next_rotation_at: now + (fresh.rotation_period ?? DEFAULT_ROTATION_PERIOD) * DAY_MS,
    };
  });
  return { ...toKeyRecord(next, now), access_secret_key: secret, tenant_id: next.tenant_id };
}

/** `PATCH /access_keys/{key}/rotation`: edits the schedule with the create-time validation. */
export function updateRotation(
  ctx: EmulatorContext,
  key: KeyRow,
  body: JsonObject,
): AccessKeyRecord {
  if (key.type !== 'API') throw badRequest('rotation is allowed only for API keys');
  const now = ctx.clock.now();
  const next = mutateKey(ctx, key, (fresh) => {
    const schedule = resolveRotation(body, {
      never_rotate: fresh.never_rotate === 1,
      rotation_period: fresh.rotation_period ?? DEFAULT_ROTATION_PERIOD,
      grace_period: fresh.grace_period ?? DEFAULT_GRACE_PERIOD,
    });
    const base = fresh.last_rotation_at ?? fresh.created_at;
    return {
      ...fresh,
      never_rotate: schedule.never_rotate ? 1 : 0,
      rotation_period: schedule.rotation_period,
      grace_period: schedule.grace_period,
      next_rotation_at: base + schedule.rotation_period * DAY_MS,
      old_valid_until: fresh.old_access_key
        ? base + schedule.grace_period * DAY_MS
        : fresh.old_valid_until,
    };
  });
  return toKeyRecord(next, now);
}
