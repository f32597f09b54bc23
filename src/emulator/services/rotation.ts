import { badRequest } from '../model/api-error.js';
import { type JsonObject, optBoolean, optInteger, rejectUnknown } from '../model/fields.js';

export const DEFAULT_ROTATION_PERIOD = 30;
export const DEFAULT_GRACE_PERIOD = 15;
const MAX_DAYS = 3650;

export interface RotationSchedule {
  never_rotate: boolean;
  rotation_period: number;
  grace_period: number;
}

/**
 * Validates a rotation body over `base` (defaults 30/15): periods are whole days >= 1 and
 * the grace period must be shorter than the rotation period.
 */
export function resolveRotation(
  body: JsonObject,
  base: RotationSchedule = {
    never_rotate: false,
    rotation_period: DEFAULT_ROTATION_PERIOD,
    grace_period: DEFAULT_GRACE_PERIOD,
  },
): RotationSchedule {
  rejectUnknown(body, ['never_rotate', 'rotation_period', 'grace_period']);
  const schedule: RotationSchedule = {
    never_rotate: optBoolean(body, 'never_rotate') ?? base.never_rotate,
    rotation_period: optInteger(body, 'rotation_period', 1, MAX_DAYS) ?? base.rotation_period,
    grace_period: optInteger(body, 'grace_period', 1, MAX_DAYS) ?? base.grace_period,
  };
  if (schedule.grace_period >= schedule.rotation_period) {
    throw badRequest('grace_period must be shorter than rotation_period');
  }
  return schedule;
}
