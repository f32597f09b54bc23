import { RuleError } from '../../../../core/errors.js';
import type { Expiry, ExpiryRequest } from '../../../../core/expiry.js';
import { describeExpiry, expiryInstant } from '../../../../core/expiry-state.js';
import { pendingDescription, renewedExpiry } from '../../../../core/key-lifecycle.js';
import type {
  AccessKeyRecord,
  CreatedAccessKey,
  KeyGroupRef,
  KeyRoleRef,
} from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { cloneOwner } from './owner.js';

/** What `rotate --grace` will create and change, all decided before the first write. */
export interface ClonePlan {
  old: AccessKeyRecord;
  /** Where the clone goes: the tenant, or the old key's owner (a user-level key). */
  owner: { kind: 'tenant' } | { kind: 'user'; userId: string };
  expiry: ExpiryRequest;
  /** When the successor will expire (null: never), and how that was chosen. */
  newExpiresAt: Date | null;
  newExpiryNote?: string;
  groups: KeyGroupRef[];
  roles: KeyRoleRef[];
  /** When the old key will stop working. */
  oldExpiresAt: Date;
  /** False when the old key already expires before the grace period ends: left as it is. */
  changesOldExpiry: boolean;
}

/**
 * The successor's expiry (rotation renews, README "Key lifecycle"): `--expires` when given,
 * else the old key's original validity period again from now (core/key-lifecycle.ts
 * renewedExpiry: a day preset is asked again, a custom expiry keeps its length, never stays
 * never).
 */
export function cloneExpiry(
  old: AccessKeyRecord,
  now: Date,
  chosen?: Expiry,
): { request: ExpiryRequest; at: Date | null; note?: string } {
  if (chosen !== undefined) {
    if (chosen.kind === 'never') return { request: chosen.request, at: null };
    return {
      request: chosen.request,
      at: chosen.at,
      ...(chosen.note ? { note: chosen.note } : {}),
    };
  }
  const renewed = renewedExpiry(old, now);
  if (renewed === undefined) {
    throw new RuleError(`cannot read the expiry of key ${old.access_key}: nothing was changed`, {
      hint: 'pass the new expiry with --expires',
    });
  }
  return { ...renewed, note: 'its original validity period again, from now' };
}

function refuseUnusable(old: AccessKeyRecord, now: Date): void {
  const hint = 'rotate it without --grace, or fix it first (keys activate, keys expire)';
  if (old.status !== 'ACTIVE') {
    throw new RuleError(
      `key "${old.name}" (${old.access_key}) is inactive: a zero-downtime rotation would create an active copy of a key that is switched off`,
      { hint },
    );
  }
  if (describeExpiry(old, now).state === 'expired') {
    throw new RuleError(
      `key "${old.name}" (${old.access_key}) has expired: there is no running use of it to keep alive`,
      { hint },
    );
  }
}

/** Checks the old key, its owner's free slot, and reads what the clone must copy. */
export async function planClone(
  conn: Connection,
  old: AccessKeyRecord,
  graceMs: number,
  now: Date,
  chosen?: Expiry,
): Promise<ClonePlan> {
  refuseUnusable(old, now);
  const renewed = cloneExpiry(old, now, chosen);
  const expiry = renewed.request;
  const owner = await cloneOwner(conn, old);
  const [groups, roles] =
    owner.kind === 'tenant'
      ? await Promise.all([
          conn.client.getKeyGroups(old.access_key),
          conn.client.getKeyRoles(old.access_key),
        ])
      : [[], []];
  // Whole seconds, rounded up: the service keeps seconds and wants a time in the future.
  const graceEnd = new Date(Math.ceil((now.getTime() + graceMs) / 1000) * 1000);
  const current = expiryInstant(old);
  const earlier = current instanceof Date && current.getTime() <= graceEnd.getTime();
  return {
    old,
    owner,
    expiry,
    newExpiresAt: renewed.at,
    ...(renewed.note ? { newExpiryNote: renewed.note } : {}),
    groups,
    roles,
    oldExpiresAt: earlier ? current : graceEnd,
    changesOldExpiry: !earlier,
  };
}

/**
 * Creates the successor: same name, type, groups and roles, the renewed expiry, and the
 * description behind a pending marker until the hand-over completes (so a re-run after a
 * crash knows it never did).
 */
export function createClone(conn: Connection, plan: ClonePlan): Promise<CreatedAccessKey> {
  const { old } = plan;
  const base = {
    name: old.name,
    description: pendingDescription(old.access_key, old.description ?? ''),
    ...plan.expiry,
  };
  if (plan.owner.kind === 'user') return conn.client.createUserKey(plan.owner.userId, base);
  return conn.client.createKey({
    ...base,
    type: 'TENANT',
    ...(plan.groups.length > 0 ? { group_ids: plan.groups.map((g) => g.group_id) } : {}),
    ...(plan.roles.length > 0 ? { role_ids: plan.roles.map((r) => r.role_id) } : {}),
  });
}
