import { isAccessKeyShaped, isUserIdShaped } from './credential.js';
import { RuleError } from './errors.js';
import { EXPIRY_ENUM, EXPIRY_PRESETS, type ExpiryEnum } from './expiry-enum.js';
import { MAX_DESCRIPTION, MAX_KEY_NAME } from './names.js';
import { endOfUtcDay, formatWireSeconds, parseWireTimestamp } from './timestamp.js';

/**
 * The key lifecycle (README "Key lifecycle"): a name means one live key; a grace rotation
 * hands the name over to the successor and marks the old key as retiring in the service's own
 * fields (`name` and `description`), so every client sees it.
 */
export const RETIRING_SUFFIX = ' (retiring)';

const RETIRING_MARK =
  /^\[retiring until (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z, replaced by ([A-Z0-9]+)\] /;
const PENDING_MARK = /^\[pending hand-over from ([A-Z0-9]+)\] /;

/** What a key record says about its place in a hand-over. */
export type LifecycleState =
  | { state: 'live' }
  | { state: 'retiring'; baseName: string; until?: Date; successor?: string }
  | { state: 'pending'; from: string };

export interface LifecycleFields {
  name: string;
  description?: string | null | undefined;
}

/** Reads the markers: a pending marker wins; a retiring name or marker means retiring. */
export function lifecycleOf(record: LifecycleFields): LifecycleState {
  const description = record.description ?? '';
  const pending = PENDING_MARK.exec(description);
  if (pending?.[1]) return { state: 'pending', from: pending[1] };
  const retiring = RETIRING_MARK.exec(description);
  const named = record.name.endsWith(RETIRING_SUFFIX);
  if (!retiring && !named) return { state: 'live' };
  const baseName = named ? record.name.slice(0, -RETIRING_SUFFIX.length) : record.name;
  const until = retiring?.[1] ? parseWireTimestamp(retiring[1]) : undefined;
  return {
    state: 'retiring',
    baseName,
    ...(until ? { until } : {}),
    ...(retiring?.[2] ? { successor: retiring[2] } : {}),
  };
}

export function isLive(record: LifecycleFields): boolean {
  return lifecycleOf(record).state === 'live';
}

/** The description without a lifecycle marker (what the user wrote). */
export function plainDescription(description: string | null | undefined): string {
  return (description ?? '').replace(PENDING_MARK, '').replace(RETIRING_MARK, '');
}

export function pendingDescription(oldAccessKey: string, description: string): string {
  return `[pending hand-over from ${oldAccessKey}] ${plainDescription(description)}`;
}

export function retiringDescription(until: Date, successor: string, description: string): string {
  return `[retiring until ${formatWireSeconds(until)}Z, replaced by ${successor}] ${plainDescription(description)}`;
}

/**
 * The name and description a hand-over will write, checked before anything changes: the
 * retiring name must fit in 128 characters and the marked descriptions in 1000.
 *
 * @throws RuleError (exit 6) with the reason.
 */
export function checkHandOverFits(name: string, description: string | null | undefined): void {
  const retiring = Array.from(name + RETIRING_SUFFIX).length;
  if (retiring > MAX_KEY_NAME) {
    throw new RuleError(
      `key name "${name}" is too long to hand over: the retiring key would be named "<name>${RETIRING_SUFFIX}", ${retiring} characters (at most ${MAX_KEY_NAME})`,
      { hint: 'rename it first (shorter than 117 characters), or rotate without --grace' },
    );
  }
  const marked = retiringDescription(new Date(0), 'X'.repeat(30), description ?? '');
  if (Array.from(marked).length > MAX_DESCRIPTION) {
    throw new RuleError(
      `the description of "${name}" is too long to carry the hand-over marker (at most ${MAX_DESCRIPTION} characters with it)`,
      { hint: 'shorten the description first, or rotate without --grace' },
    );
  }
}

/**
 * Why a name cannot be given to a new key, or undefined when it can: it would be read as an
 * access key or a user id by every `<key>` argument, a `<tenant id>@` name belongs to BMC
 * Helix Operations Management, and the retiring suffix is the lifecycle's own marker.
 */
export function nameRefusal(name: string, tenantId: string | undefined): string | undefined {
  if (isAccessKeyShaped(name)) {
    return 'it looks like an access key (30 capital letters and digits), so commands would read it as one';
  }
  if (isUserIdShaped(name)) return 'it is all digits, so commands would read it as a user id';
  if (tenantId !== undefined && name.startsWith(`${tenantId}@`)) {
    return `names starting with "${tenantId}@" belong to BMC Helix Operations Management keys`;
  }
  if (name.endsWith(RETIRING_SUFFIX)) {
    return `names ending in "${RETIRING_SUFFIX.trim()}" mark keys being retired by a rotation`;
  }
  return undefined;
}

/** The expiry a renewed key gets, with the instant it resolves to (null = never). */
export interface RenewedExpiry {
  request: { expiry_enum: ExpiryEnum; expiry_time?: string };
  at: Date | null;
}

const PRESET_DAYS = new Map<string, number>([...EXPIRY_PRESETS].map(([days, e]) => [e, days]));

/**
 * Rotation renews: the key that holds the new secret gets its original validity period again,
 * from `now`. A day preset (`30 days`) is asked again (it ends at 23:59:59 UTC, as the service
 * computes it); a custom expiry keeps its length (expiry - created, or - last API rotation);
 * never stays never.
 * Undefined when the record's times cannot be read.
 */
export function renewedExpiry(
  record: {
    expiry_enum?: string;
    expiry_time?: string | null | undefined;
    created_date?: string;
    rotation?: { last_rotation_date?: string | undefined } | undefined;
  },
  now: Date,
): RenewedExpiry | undefined {
  const days = record.expiry_enum === undefined ? undefined : PRESET_DAYS.get(record.expiry_enum);
  if (days !== undefined) {
    return {
      request: { expiry_enum: record.expiry_enum as ExpiryEnum },
      at: endOfUtcDay(new Date(now.getTime() + days * 86_400_000)),
    };
  }
  const time = record.expiry_time;
  if (!time || time === EXPIRY_ENUM.NEVER || record.expiry_enum === EXPIRY_ENUM.NEVER) {
    return { request: { expiry_enum: EXPIRY_ENUM.NEVER }, at: null };
  }
  const expires = parseWireTimestamp(time);
  // The period runs from the key's creation, or from its last API-key rotation (which renewed
  // it): so rotating an API key every week keeps the same period instead of growing it.
  const since = record.rotation?.last_rotation_date ?? record.created_date;
  const created = since ? parseWireTimestamp(since) : undefined;
  if (!expires || !created) return undefined;
  const length = Math.max(expires.getTime() - created.getTime(), 60_000);
  const at = new Date(Math.ceil((now.getTime() + length) / 1000) * 1000);
  return {
    request: { expiry_enum: EXPIRY_ENUM.CUSTOM, expiry_time: formatWireSeconds(at) },
    at,
  };
}

/** What a key record must carry for the hand-over decisions. */
export interface HandOverCandidate extends LifecycleFields {
  access_key: string;
  type?: string;
  owner_user_id?: string | undefined;
  expiry_time?: string | null | undefined;
  key_expired?: boolean | undefined;
}

/** What must go before a new hand-over of `old` can start (README "Key lifecycle"). */
export interface HandOverLeftovers<T> {
  /** Successors of `old` whose hand-over never completed (a run that died half way). */
  unfinished: T[];
  /** Keys that retired under this name and whose grace has ended: dead, deleted. */
  dead: T[];
  /** Keys still retiring under this name, within their grace. */
  inGrace: T[];
}

function sameOwner(a: HandOverCandidate, b: HandOverCandidate): boolean {
  return a.type !== 'USER' || b.type !== 'USER' || a.owner_user_id === b.owner_user_id;
}

function isOver(record: HandOverCandidate, now: Date): boolean {
  if (record.key_expired === true) return true;
  const time = record.expiry_time;
  if (!time) return false;
  const at = parseWireTimestamp(time);
  return at !== undefined && at.getTime() <= now.getTime();
}

/** Sorts the keys around `old` that a new hand-over must clear first. Pure. */
export function handOverLeftovers<T extends HandOverCandidate>(
  old: HandOverCandidate,
  keys: readonly T[],
  now: Date,
): HandOverLeftovers<T> {
  const out: HandOverLeftovers<T> = { unfinished: [], dead: [], inGrace: [] };
  for (const key of keys) {
    if (key.access_key === old.access_key || !sameOwner(key, old)) continue;
    const state = lifecycleOf(key);
    if (state.state === 'pending' && state.from === old.access_key) out.unfinished.push(key);
    if (state.state === 'retiring' && state.baseName === old.name) {
      (isOver(key, now) ? out.dead : out.inGrace).push(key);
    }
  }
  return out;
}

/**
 * Pending successors named `name` whose old key is already marked retiring (its marker names
 * them): the run died between marking the old key and clearing the successor's marker, so the
 * hand-over only needs finishing. Pure.
 */
export function interruptedHandOvers<T extends HandOverCandidate>(
  name: string,
  keys: readonly T[],
): T[] {
  return keys.filter((key) => {
    const state = lifecycleOf(key);
    if (state.state !== 'pending' || key.name !== name) return false;
    const from = keys.find((k) => k.access_key === state.from);
    const fromState = from === undefined ? undefined : lifecycleOf(from);
    return fromState?.state === 'retiring' && fromState.successor === key.access_key;
  });
}
