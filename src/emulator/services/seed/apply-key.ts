import { endOfUtcDay, parseWireTimestamp } from '../../../core/timestamp.js';
import { USER_KEY_LIMIT } from '../../../core/user-key-limit.js';
import { EXPIRY_ENUM, type ExpiryEnum } from '../../../wire/types.js';
import { getUser, getUserByLogin } from '../../repos/users.js';
import type { Database } from '../../store/sqlite.js';
import { parseExpiryTime, type ResolvedExpiry } from '../expiry.js';
import { insertNewKey } from '../key-factory.js';
import { resolveRotation } from '../rotation.js';
import type { TenantNames } from '../tenant-setup.js';
import { SeedError, type SeedKey } from './types.js';

const DAY_MS = 86_400_000;
const PRESETS: Readonly<Record<string, number>> = { '30 days': 30, '60 days': 60, '90 days': 90 };

/** The id of a role or group named (or identified) by `ref` in the tenant. */
export function resolve(map: Map<string, string>, ref: string, kind: string, at: string): string {
  const byName = map.get(ref);
  if (byName !== undefined) return byName;
  if ([...map.values()].includes(ref)) return ref;
  throw new SeedError(`seed: ${at} names an unknown ${kind} "${ref}"`);
}

function time(text: string | undefined, fallback: number, at: string): number {
  if (text === undefined) return fallback;
  const parsed = parseWireTimestamp(text);
  if (!parsed) throw new SeedError(`seed: ${at} is not a timestamp`);
  return parsed.getTime();
}

function seedExpiry(key: SeedKey, created: number, at: string): ResolvedExpiry {
  const choice = key.expiry_enum ?? (key.expiry_time ? EXPIRY_ENUM.CUSTOM : EXPIRY_ENUM.NEVER);
  if (!(Object.values(EXPIRY_ENUM) as string[]).includes(choice))
    throw new SeedError(`seed: ${at}.expiry_enum is not a known value`);
  if (key.expiry_time) {
    const expiry = parseExpiryTime(key.expiry_time);
    if (expiry === undefined)
      throw new SeedError(`seed: ${at}.expiry_time is not a date or timestamp`);
    return { expiry_enum: choice as ExpiryEnum, expiry_at: expiry };
  }
  const days = PRESETS[choice];
  if (days !== undefined)
    return {
      expiry_enum: choice as ExpiryEnum,
      expiry_at: endOfUtcDay(new Date(created + days * DAY_MS)).getTime(),
    };
  if (choice === EXPIRY_ENUM.CUSTOM)
    throw new SeedError(`seed: ${at}.expiry_time is required with "Custom value"`);
  return { expiry_enum: EXPIRY_ENUM.NEVER, expiry_at: null };
}

function owner(db: Database, tenantId: string, key: SeedKey, at: string): string | null {
  if (key.owner === undefined) {
    if (key.type === 'USER') throw new SeedError(`seed: ${at}.owner is required for a USER key`);
    return null;
  }
  const person = getUserByLogin(db, tenantId, key.owner) ?? getUser(db, tenantId, key.owner);
  if (person?.user_type !== 'PERSON')
    throw new SeedError(`seed: ${at}.owner names an unknown user "${key.owner}"`);
  return person.user_id;
}

/** Inserts one seed key; `userKeys` counts USER keys per owner across the seed. */
export function applyKey(
  db: Database,
  names: TenantNames,
  key: SeedKey,
  now: number,
  at: string,
  userKeys: Map<string, number>,
): void {
  const ownerUserId = owner(db, names.tenantId, key, at);
  if (key.type === 'USER') {
    if (key.groups.length > 0 || key.roles.length > 0)
      throw new SeedError(`seed: ${at}: a USER key inherits its owner's groups and roles`);
    const count = (userKeys.get(ownerUserId ?? '') ?? 0) + 1;
    if (count > USER_KEY_LIMIT)
      throw new SeedError(
        `seed: ${at}: user "${key.owner}" would have more than ${USER_KEY_LIMIT} user keys`,
      );
    userKeys.set(ownerUserId ?? '', count);
  }
  if (key.rotation && key.type !== 'API')
    throw new SeedError(`seed: ${at}.rotation is allowed only for API keys`);
  const createdAt = time(key.created_date, now, `${at}.created_date`);
  insertNewKey(db, {
    tenantId: names.tenantId,
    name: key.name,
    description: key.description ?? null,
    type: key.type,
    status: key.status,
    nonDeletable: key.non_deletable,
    expiry: seedExpiry(key, createdAt, at),
    ownerUserId,
    rotation: key.type === 'API' ? resolveRotation(key.rotation ?? {}) : undefined,
    groupIds: key.groups.map((g, i) => resolve(names.groups, g, 'group', `${at}.groups[${i}]`)),
    roleIds: key.roles.map((r, i) => resolve(names.roles, r, 'role', `${at}.roles[${i}]`)),
    createdAt,
    userId: key.user_id,
    accessKey: key.access_key,
    secret: key.secret,
    lastAccessAt:
      key.last_access === undefined ? null : time(key.last_access, now, `${at}.last_access`),
  });
}
