import type { AccessKeyRecord } from '../../wire/types.js';
import { badRequest, keyNotFound } from '../model/api-error.js';
import { type JsonObject, optString, rejectUnknown } from '../model/fields.js';
import { IMMUTABLE_KEY_FIELDS } from '../model/key-fields.js';
import { toKeyRecord } from '../repos/key-record.js';
import { deleteKey, getKeyByUserId, type KeyRow, saveKey } from '../repos/keys.js';
import { syncPrincipal } from '../repos/users.js';
import type { EmulatorContext } from './context.js';
import { resolveExpiry } from './expiry.js';

function nextName(body: JsonObject, key: KeyRow): string {
  if (body.name === undefined) return key.name;
  const name = optString(body, 'name')?.trim();
  if (!name) throw badRequest('name must not be empty');
  return name;
}

function nextDescription(body: JsonObject, key: KeyRow): string | null {
  if (body.description === undefined) return key.description;
  if (body.description === null) return null;
  return optString(body, 'description', 1000) || null;
}

function nextStatus(body: JsonObject, key: KeyRow): KeyRow['status'] {
  if (body.status === undefined) return key.status;
  if (body.status !== 'ACTIVE' && body.status !== 'INACTIVE')
    throw badRequest('status must be ACTIVE or INACTIVE');
  return body.status;
}

/**
 * `PATCH /access_keys/{key}` (docs/ims-api.md §8.4): name, description (`null` clears), expiry, status.
 * `expiry_time` alone means `Custom value`. Moving the expiry re-arms the expiry notice.
 */
export function patchKey(ctx: EmulatorContext, key: KeyRow, body: JsonObject): AccessKeyRecord {
  const locked = Object.keys(body).filter((k) => IMMUTABLE_KEY_FIELDS.includes(k));
  if (locked.length > 0) throw badRequest(`Field(s) cannot be changed: ${locked.join(', ')}`);
  if (body.rotation !== undefined)
    throw badRequest('Change the rotation schedule with PATCH .../rotation');
  rejectUnknown(body, ['name', 'description', 'expiry_enum', 'expiry_time', 'status']);
  const now = ctx.clock.now();
  const next = mutateKey(ctx, key, (fresh) => {
    const changed: KeyRow = {
      ...fresh,
      name: nextName(body, fresh),
      description: nextDescription(body, fresh),
      status: nextStatus(body, fresh),
    };
    if (body.expiry_enum !== undefined || body.expiry_time !== undefined) {
      const expiry = resolveExpiry(body.expiry_enum ?? 'Custom value', body.expiry_time, now);
      changed.expiry_enum = expiry.expiry_enum;
      changed.expiry_at = expiry.expiry_at;
      if (changed.expiry_at !== fresh.expiry_at) changed.expiry_notice_sent = 0;
    }
    if (changed.name !== fresh.name)
      syncPrincipal(ctx.db, fresh.user_id, fresh.access_key, changed.name);
    return changed;
  });
  if (next.expiry_notice_sent === 0) ctx.notifier.markDirty();
  return toKeyRecord(next, now);
}

/**
 * Read-modify-write of one key inside an immediate transaction: `change` sees the row as
 * committed (another process may have changed it since the request looked it up).
 */
export function mutateKey(
  ctx: EmulatorContext,
  key: KeyRow,
  change: (fresh: KeyRow) => KeyRow,
): KeyRow {
  return ctx.db.transaction(() => {
    const fresh = getKeyByUserId(ctx.db, key.user_id);
    if (!fresh) throw keyNotFound(key.access_key);
    const next = change(fresh);
    saveKey(ctx.db, next);
    return next;
  });
}

/**
 * `DELETE /access_keys/{key}`: refused for non-deletable keys; revokes its refresh tokens.
 * Checked on the committed row: of two concurrent deletes, the second finds nothing (404)
 * instead of reporting a deletion it did not make.
 */
export function removeKey(ctx: EmulatorContext, key: KeyRow): void {
  ctx.db.transaction(() => {
    const fresh = getKeyByUserId(ctx.db, key.user_id);
    if (!fresh) throw keyNotFound(key.access_key);
    if (fresh.non_deletable === 1) {
      throw badRequest(`Access key ${fresh.access_key} is non-deletable`);
    }
    deleteKey(ctx.db, fresh.user_id);
  });
}
