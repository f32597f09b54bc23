import { RuleError } from '../../../../core/errors.js';
import type { ExpiryRequest } from '../../../../core/expiry.js';
import { EXPIRY_ENUM, EXPIRY_PRESETS, type ExpiryEnum } from '../../../../core/expiry-enum.js';
import { describeExpiry, expiryInstant } from '../../../../core/expiry-state.js';
import { formatWireSeconds } from '../../../../core/timestamp.js';
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
  groups: KeyGroupRef[];
  roles: KeyRoleRef[];
  /** When the old key will stop working. */
  oldExpiresAt: Date;
  /** False when the old key already expires before the grace period ends: left as it is. */
  changesOldExpiry: boolean;
}

const PRESET_ENUMS: readonly ExpiryEnum[] = [...EXPIRY_PRESETS.values()];

/**
 * The clone's expiry: never stays never; a day preset (`30 days`...) is asked again, so the
 * new key gets the same term from now, as recreating it in the portal would; anything else
 * keeps the old key's exact `expiry_time` (`Custom value`).
 */
export function cloneExpiry(old: AccessKeyRecord): ExpiryRequest {
  const at = expiryInstant(old);
  if (at === 'never') return { expiry_enum: EXPIRY_ENUM.NEVER };
  const preset = PRESET_ENUMS.find((value) => value === old.expiry_enum);
  if (preset !== undefined) return { expiry_enum: preset };
  if (at === undefined) {
    throw new RuleError(`cannot read the expiry of key ${old.access_key}: nothing was changed`);
  }
  return { expiry_enum: EXPIRY_ENUM.CUSTOM, expiry_time: formatWireSeconds(at) };
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
): Promise<ClonePlan> {
  refuseUnusable(old, now);
  const expiry = cloneExpiry(old);
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
    groups,
    roles,
    oldExpiresAt: earlier ? current : graceEnd,
    changesOldExpiry: !earlier,
  };
}

/** Creates the clone: same name, description, type, groups, roles and expiry rule. */
export function createClone(conn: Connection, plan: ClonePlan): Promise<CreatedAccessKey> {
  const { old } = plan;
  const base = {
    name: old.name,
    ...(old.description ? { description: old.description } : {}),
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
