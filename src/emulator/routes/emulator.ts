import type { Hono } from 'hono';
import { parseWireTimestamp } from '../../core/timestamp.js';
import { imsPaths } from '../../wire/paths.js';
import type { NotificationType } from '../../wire/types.js';
import { readBody } from '../http/body.js';
import { BODY } from '../http/body-schemas.js';
import { queryOf } from '../http/request.js';
import { ApiError, badRequest } from '../model/api-error.js';
import type { JsonObject } from '../model/fields.js';
import { listNotifications } from '../repos/notifications.js';
import { envelope, parsePaging } from '../repos/paging.js';
import type { EmulatorContext } from '../services/context.js';
import { callerOf } from './caller-of.js';

const TYPES: readonly string[] = ['ACCESS_KEY_EXPIRING', 'ACCESS_KEY_ASSIGNMENT_CHANGED'];

function clockBody(ctx: EmulatorContext) {
  return { now: new Date(ctx.clock.now()).toISOString(), test_clock: true };
}

/** Emulator-only routes, outside `/ims` on purpose: health, the notifications outbox, the test clock. */
export function emulatorRoutes(
  app: Hono,
  ctx: EmulatorContext,
  info: () => Record<string, unknown>,
): void {
  app.get(imsPaths.emulatorHealth, (c) => c.json({ status: 'ok', ...info() }));
  app.get(imsPaths.emulatorNotifications, (c) => {
    const caller = callerOf(ctx, c);
    const query = queryOf(c);
    const type = query.one('type');
    if (type !== undefined && !TYPES.includes(type))
      throw badRequest(`type must be one of: ${TYPES.join(', ')}`);
    ctx.notifier.sweep();
    const paging = parsePaging(query.one);
    const filter = {
      tenantId: caller.tenantId,
      type: type as NotificationType | undefined,
      recipientUserId: query.one('recipient_user_id'),
      accessKey: query.one('access_key'),
    };
    const { records, total } = listNotifications(ctx.db, filter, paging);
    return c.json(envelope(records, total, paging));
  });
  if (!ctx.clock.adjustable) return; // without a test clock these paths are plain 404s
  app.get(imsPaths.emulatorClock, (c) => c.json(clockBody(ctx)));
  app.post(imsPaths.emulatorClock, async (c) => {
    const body = await readBody(c, BODY.clock);
    ctx.clock.set(clockTarget(ctx.clock.now(), body));
    ctx.notifier.sweep();
    return c.json(clockBody(ctx));
  });
}

/** The earliest and the first refused instant of the test clock. */
export const CLOCK_RANGE = { from: Date.UTC(1970, 0, 1), until: Date.UTC(9000, 0, 1) } as const;

/**
 * Where a clock body moves the clock. Kept within 1970..8999 so that every instant derived
 * from it (a 90-day expiry, a 10-year rotation period) is a date with a 4-digit year.
 */
function clockTarget(now: number, body: JsonObject): number {
  let target: number;
  if (typeof body.advance_seconds === 'number' && body.now === undefined) {
    target = now + Math.trunc(body.advance_seconds * 1000);
  } else if (typeof body.now === 'string' && body.advance_seconds === undefined) {
    const at = parseWireTimestamp(body.now);
    if (!at) throw badRequest('now must be an RFC 3339 timestamp');
    target = at.getTime();
  } else {
    throw new ApiError(400, 'Send {"advance_seconds": n} or {"now": "<RFC 3339>"}');
  }
  if (!(target >= CLOCK_RANGE.from && target < CLOCK_RANGE.until)) {
    throw badRequest('The test clock stays between 1970-01-01 and 8999-12-31');
  }
  return target;
}
