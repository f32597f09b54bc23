import { formatWireSeconds } from '../../core/timestamp.js';
import type { KeyRow } from '../repos/keys.js';
import { administratorIds, insertNotification } from '../repos/notifications.js';
import type { Database } from '../store/sqlite.js';
import type { EmulatorClock } from './clock.js';

const NOTICE_WINDOW_MS = 2 * 86_400_000;
const SWEEP_EVERY_MS = 1000;

type PendingKey = Pick<
  KeyRow,
  'user_id' | 'tenant_id' | 'access_key' | 'name' | 'expiry_at' | 'owner_user_id'
>;

/**
 * The notifications outbox. Expiry notices go out once a key is within two days of its expiry
 * (to its owner and every administrator person of the tenant); a key whose expiry is moved
 * becomes eligible again. The sweep is one indexed read when nothing is due, runs at most once
 * a second on the request path, and at once after the clock moves or a key's expiry changes.
 */
export class Notifier {
  readonly #db: Database;
  readonly #clock: EmulatorClock;
  #dirty = true;
  #lastSweep = Number.NEGATIVE_INFINITY;
  #generation = -1;

  constructor(db: Database, clock: EmulatorClock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** A key's expiry changed: sweep on the next request. */
  markDirty(): void {
    this.#dirty = true;
  }

  sweepIfDue(): void {
    const now = this.#clock.now();
    const due =
      this.#dirty ||
      this.#clock.generation !== this.#generation ||
      now - this.#lastSweep >= SWEEP_EVERY_MS;
    if (due) this.sweep();
  }

  /** Queues every due expiry notice; returns how many notices were written. */
  sweep(): number {
    const now = this.#clock.now();
    this.#dirty = false;
    this.#lastSweep = now;
    this.#generation = this.#clock.generation;
    const select = this.#db.prepare(
      `SELECT user_id, tenant_id, access_key, name, expiry_at, owner_user_id FROM access_keys
       WHERE expiry_notice_sent = 0 AND expiry_at IS NOT NULL AND expiry_at <= ? ORDER BY expiry_at`,
    );
    if (select.get(now + NOTICE_WINDOW_MS) === undefined) return 0;
    return this.#db.transaction(() => {
      const admins = new Map<string, string[]>();
      let written = 0;
      for (const key of select.all<PendingKey>(now + NOTICE_WINDOW_MS)) {
        const claim = this.#db
          .prepare(
            'UPDATE access_keys SET expiry_notice_sent = 1 WHERE user_id = ? AND expiry_notice_sent = 0',
          )
          .run(key.user_id);
        if (Number(claim.changes) !== 1) continue; // another process got there first
        if (!admins.has(key.tenant_id))
          admins.set(key.tenant_id, administratorIds(this.#db, key.tenant_id));
        const when = formatWireSeconds(new Date(key.expiry_at ?? now));
        const verb = (key.expiry_at ?? now) < now ? 'expired on' : 'expires on';
        const message = `Access key "${key.name}" (${key.access_key}) ${verb} ${when} UTC`;
        written += this.#send(
          key,
          recipients(key, admins.get(key.tenant_id) ?? []),
          'ACCESS_KEY_EXPIRING',
          message,
          now,
        );
      }
      return written;
    });
  }

  /** A key's groups or roles changed: tell its owner (or the administrators when it has none). */
  assignmentChanged(key: KeyRow, what: 'groups' | 'roles', names: readonly string[]): void {
    const now = this.#clock.now();
    const to = key.owner_user_id ? [key.owner_user_id] : administratorIds(this.#db, key.tenant_id);
    const list = names.length > 0 ? names.join(', ') : 'none';
    const message = `The ${what} of access key "${key.name}" (${key.access_key}) changed; now: ${list}`;
    this.#send(key, to, 'ACCESS_KEY_ASSIGNMENT_CHANGED', message, now);
  }

  #send(
    key: PendingKey,
    to: readonly string[],
    type: 'ACCESS_KEY_EXPIRING' | 'ACCESS_KEY_ASSIGNMENT_CHANGED',
    message: string,
    now: number,
  ): number {
    for (const recipientUserId of to) {
      insertNotification(this.#db, {
        tenantId: key.tenant_id,
        type,
        recipientUserId,
        keyUserId: key.user_id,
        accessKey: key.access_key,
        keyName: key.name,
        message,
        now,
      });
    }
    return to.length;
  }
}

function recipients(key: PendingKey, admins: readonly string[]): string[] {
  return [...new Set([...(key.owner_user_id ? [key.owner_user_id] : []), ...admins])];
}
