import { MAX_DESCRIPTION } from '../../core/names.js';
import { IMMUTABLE_KEY_FIELDS, INHERITS_OWNER } from '../model/key-fields.js';
import { MAX_NAME } from '../model/text-rules.js';
import type { BodySchema, Rule } from './schema.js';

/** Longest rotation or grace period, in days (ten years). */
export const MAX_PERIOD_DAYS = 3650;
/** Most group or role ids in one body. */
export const MAX_IDS = 100;
/** Largest single move of the test clock: a thousand years, in seconds. */
export const MAX_CLOCK_STEP_SECONDS = 1000 * 366 * 86_400;

const API_ONLY = 'rotation is allowed only for API keys';

const name: Rule = { kind: 'name', max: MAX_NAME };
const description: Rule = { kind: 'text', max: MAX_DESCRIPTION };
const ids: Rule = { kind: 'ids', maxItems: MAX_IDS };
const days: Rule = { kind: 'integer', min: 1, max: MAX_PERIOD_DAYS };
const expiry = {
  expiry_enum: { kind: 'token', max: 64 },
  expiry_time: { kind: 'token', max: 64, nullable: true },
} satisfies Record<string, Rule>;

/** The fields every key creation takes, in the order they are checked. */
const newKey = {
  name,
  description,
  type: { kind: 'token', max: 16 },
  ...expiry,
  non_deletable: { kind: 'boolean' },
} satisfies Record<string, Rule>;

const rotation: BodySchema = {
  fields: { never_rotate: { kind: 'boolean' }, rotation_period: days, grace_period: days },
};

/**
 * The body of every route that takes one. Structure, types, lengths and ranges are checked
 * here; values that need the database or other fields (an expiry in the future, grace shorter
 * than period, ids that exist) are the services' to check.
 */
export const BODY = {
  /** Credentials: unknown fields ignored, as the real service's JSON binding does. */
  login: {
    fields: {
      access_key: { kind: 'token', max: 256 },
      access_secret_key: { kind: 'token', max: 256 },
      tenant_id: { kind: 'token', max: 32, nullable: true, numbers: true },
    },
    unknown: 'ignore',
  },
  refresh: { fields: { token: { kind: 'token', max: 8192 } }, unknown: 'ignore' },
  createTenantKey: {
    fields: {
      ...newKey,
      rotation: { kind: 'object', schema: rotation },
      group_ids: ids,
      role_ids: ids,
    },
    required: ['name'],
  },
  createUserKey: {
    fields: newKey,
    required: ['name'],
    refused: [
      { fields: ['group_ids', 'role_ids'], message: INHERITS_OWNER },
      { fields: ['rotation'], message: API_ONLY },
    ],
  },
  patchKey: {
    fields: {
      name,
      description: { kind: 'text', max: MAX_DESCRIPTION, nullable: true },
      ...expiry,
      status: { kind: 'token', max: 16 },
    },
    refused: [
      { fields: IMMUTABLE_KEY_FIELDS, message: 'Field(s) cannot be changed: %s' },
      { fields: ['rotation'], message: 'Change the rotation schedule with PATCH .../rotation' },
    ],
  },
  patchRotation: rotation,
  putGroups: { fields: { group_ids: ids }, required: ['group_ids'] },
  putRoles: { fields: { role_ids: ids }, required: ['role_ids'] },
  createGroup: { fields: { name, description, role_ids: ids }, required: ['name'] },
  createPerson: {
    fields: {
      login_id: name,
      full_name: name,
      email: { kind: 'token', max: 254, pattern: /^[^\s@]+@[^\s@]+$/ },
      group_ids: ids,
      role_ids: ids,
    },
    required: ['login_id'],
  },
  /** `{advance_seconds}` or `{now}`; the route refuses both or neither. */
  clock: {
    fields: {
      advance_seconds: {
        kind: 'number',
        min: -MAX_CLOCK_STEP_SECONDS,
        max: MAX_CLOCK_STEP_SECONDS,
      },
      now: { kind: 'token', max: 64 },
    },
  },
} as const satisfies Record<string, BodySchema>;
