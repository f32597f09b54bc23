import { forbidden, keyNotFound } from '../model/api-error.js';
import { findKey, type KeyRow } from '../repos/keys.js';
import { type Caller, canChangeKey, canSeeKey } from './caller.js';
import type { EmulatorContext } from './context.js';

/** Narrows lookups to one person's user-level keys (the `/users/{user_id}/access_keys/{key}` paths). */
export interface KeyScope {
  ownerUserId?: string | undefined;
}

/**
 * The key `ref` names, if the caller may read it. Another tenant's key, a key outside the
 * scope and a key the caller may not see are all 404, so existence never leaks.
 */
export function keyForRead(
  ctx: EmulatorContext,
  caller: Caller,
  ref: string,
  scope: KeyScope = {},
): KeyRow {
  const key = findKey(ctx.db, caller.tenantId, ref);
  const inScope =
    scope.ownerUserId === undefined ||
    (key?.type === 'USER' && key.owner_user_id === scope.ownerUserId);
  if (!key || !inScope || !canSeeKey(caller, key)) throw keyNotFound(ref);
  return key;
}

/** As `keyForRead`, then 403 unless the caller may change it (an administrator, or its owner). */
export function keyForWrite(
  ctx: EmulatorContext,
  caller: Caller,
  ref: string,
  scope: KeyScope = {},
): KeyRow {
  const key = keyForRead(ctx, caller, ref, scope);
  if (!canChangeKey(caller, key)) throw forbidden();
  return key;
}
