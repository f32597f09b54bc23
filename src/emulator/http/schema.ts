import { badRequest } from '../model/api-error.js';
import type { JsonObject } from '../model/fields.js';
import { charLength, MAX_NAME, shown, textProblem } from '../model/text-rules.js';

/** What one field of a body may hold. Every string rule also refuses control characters. */
export type Rule =
  /** A display name: trimmed, 1..max characters (default 128). */
  | { kind: 'name'; max?: number }
  /** Free text up to `max` characters, empty allowed; `null` when nullable (it clears). */
  | { kind: 'text'; max: number; nullable?: boolean }
  /** A short value (enum, date, key, id) checked further by the service. */
  | { kind: 'token'; max: number; nullable?: boolean; numbers?: boolean; pattern?: RegExp }
  | { kind: 'boolean' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  /** Distinct ids, at most `maxItems`. */
  | { kind: 'ids'; maxItems: number }
  | { kind: 'object'; schema: BodySchema };

/** A JSON object body, field by field. */
export interface BodySchema {
  readonly fields: Readonly<Record<string, Rule>>;
  readonly required?: readonly string[];
  /** Fields refused with a reason of their own (`%s` becomes the fields present). */
  readonly refused?: ReadonlyArray<{ fields: readonly string[]; message: string }>;
  /**
   * Unknown fields are refused (a misspelt field must not pass silently), except in
   * credential bodies, which ignore them as the real service does.
   */
  readonly unknown?: 'refuse' | 'ignore';
}

/** Refuses (400) a body that does not match `schema`, naming the first faulty field. */
export function validateBody(body: JsonObject, schema: BodySchema, prefix = ''): void {
  const keys = Object.keys(body);
  for (const group of schema.refused ?? []) {
    const present = group.fields.filter((f) => keys.includes(f));
    if (present.length > 0) throw badRequest(group.message.replace('%s', present.join(', ')));
  }
  if (schema.unknown !== 'ignore') {
    const unknown = keys.filter((k) => !Object.hasOwn(schema.fields, k));
    if (unknown.length > 0) {
      const names = unknown.slice(0, 10).map((k) => shown(prefix + k));
      throw badRequest(`Unknown field(s): ${names.join(', ')}${unknown.length > 10 ? ', …' : ''}`);
    }
  }
  for (const field of schema.required ?? []) {
    if (body[field] === undefined) throw badRequest(`${prefix}${field} is required`);
  }
  for (const [field, rule] of Object.entries(schema.fields)) {
    if (!Object.hasOwn(body, field)) continue;
    const isRequired = schema.required?.includes(field) ?? false;
    const problem = check(body[field], rule, `${prefix}${field}`, isRequired);
    if (problem) throw badRequest(problem);
  }
}

function check(value: unknown, rule: Rule, path: string, required: boolean): string | undefined {
  switch (rule.kind) {
    case 'name':
      return checkName(value, path, rule.max ?? MAX_NAME, required);
    case 'text':
      if (value === null && rule.nullable) return undefined;
      return checkString(value, path, rule.max);
    case 'token':
      if (value === null && rule.nullable) return undefined;
      if (rule.numbers && typeof value === 'number' && Number.isSafeInteger(value))
        return undefined;
      return (
        checkString(value, path, rule.max) ??
        (rule.pattern && value !== '' && !rule.pattern.test(value as string)
          ? `${path} is not in the expected form`
          : undefined)
      );
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${path} must be true or false`;
    case 'integer':
    case 'number':
      return checkNumber(value, rule, path);
    case 'ids':
      return checkIds(value, path, rule.maxItems);
    case 'object':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return `${path} must be an object`;
      }
      validateBody(value as JsonObject, rule.schema, `${path}.`);
      return undefined;
  }
}

function checkString(value: unknown, path: string, max: number): string | undefined {
  if (typeof value !== 'string') return `${path} must be a string`;
  if (charLength(value) > max) return `${path} must be at most ${max} characters`;
  const problem = textProblem(value);
  return problem ? `${path} ${problem}` : undefined;
}

function checkName(value: unknown, path: string, max: number, required: boolean) {
  const problem = checkString(value, path, Number.POSITIVE_INFINITY);
  if (problem) return problem;
  const trimmed = (value as string).trim();
  if (trimmed === '') return required ? `${path} is required` : `${path} must not be empty`;
  return charLength(trimmed) > max ? `${path} must be at most ${max} characters` : undefined;
}

function checkNumber(
  value: unknown,
  rule: { kind: string; min: number; max: number },
  path: string,
) {
  const integer = rule.kind === 'integer';
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    value >= rule.min &&
    value <= rule.max;
  return ok
    ? undefined
    : `${path} must be ${integer ? 'an integer' : 'a number'} between ${rule.min} and ${rule.max}`;
}

function checkIds(value: unknown, path: string, maxItems: number): string | undefined {
  const valid = (v: unknown) =>
    typeof v === 'string' && v !== '' && v.length <= 64 && textProblem(v) === undefined;
  if (!Array.isArray(value) || !value.every(valid)) return `${path} must be an array of ids`;
  if (value.length > maxItems) return `${path} must hold at most ${maxItems} ids`;
  const repeated = value.find((v, i) => value.indexOf(v) !== i);
  return repeated === undefined ? undefined : `${path} must not repeat an id (${repeated})`;
}
