import {
  array,
  boolean,
  type GenericSchema,
  looseObject,
  minLength,
  minValue,
  nullish,
  number,
  pipe,
  regex,
  safeInteger,
  safeParse,
  string,
  transform,
  union,
} from 'valibot';
import type { RequestContext } from './request-context.js';
import { JWT_SHAPE, TOKEN_SHAPE } from './token-shape.js';
import { unexpectedAnswer } from './transport-error.js';

/**
 * One schema per answer the client reads (src/wire/types.ts), checked at the client boundary
 * (docs/design.md §3) so that a field of the wrong type is "unexpected answer from the
 * service: <field>" (exit 7) instead of a crash deep in a command. The schemas check what the
 * client reads and keep every other field (`looseObject`: `--json` shows what the service
 * sent). Answers vary between service versions (issue 12, docs/ims-api.md §6): numeric ids
 * arrive as numbers or strings and become strings; optional fields may be null.
 *
 * This module is the only one that imports valibot, with named imports so that the bundle
 * keeps only what it uses; http.ts loads it with `import()` on the first request that checks
 * an answer, never on the start-up path (test/unit/architecture.test.ts).
 */

function buildSchemas() {
  const v = {
    array,
    boolean,
    looseObject,
    minLength,
    minValue,
    nullish,
    number,
    pipe,
    regex,
    safeInteger,
    string,
    transform,
    union,
  };
  const text = v.string();
  const opt = <T extends GenericSchema>(schema: T) => v.nullish(schema);
  /** An id: a string, or a safe integer the service sent as a JSON number (kept as text). */
  const id = v.union([
    v.pipe(v.string(), v.minLength(1)),
    v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.transform(String)),
  ]);
  const texts = v.array(text);
  const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
  const jwt = v.pipe(v.string(), v.regex(JWT_SHAPE));
  const token = v.pipe(v.string(), v.regex(TOKEN_SHAPE));

  const rotation = v.looseObject({
    never_rotate: opt(v.boolean()),
    rotation_period: opt(v.number()),
    grace_period: opt(v.number()),
    last_rotation_date: opt(text),
    next_rotation_date: opt(text),
    old_rotation_key: opt(text),
  });
  const accessKey = v.looseObject({
    user_id: id,
    name: text,
    type: text,
    description: opt(text),
    access_key: text,
    expiry_time: opt(text),
    status: text,
    non_deletable: opt(v.boolean()),
    created_date: opt(text),
    expiry_enum: opt(text),
    key_expired: opt(v.boolean()),
    last_access: opt(text),
    rotation: opt(rotation),
    owner_user_id: opt(id),
  });
  const createdKey = v.looseObject({
    ...accessKey.entries,
    access_secret_key: opt(text),
    tenant_id: opt(id),
  });
  const regenerated = v.looseObject({
    access_key: opt(text),
    access_secret_key: opt(text),
    tenant_id: opt(id),
  });
  const storedSecret = v.looseObject({ access_key: opt(text), encrypted_secret_key: text });
  const keyGroupRef = v.looseObject({ group_id: id, name: text });
  const keyRoleRef = v.looseObject({ role_id: id, name: text });
  const group = v.looseObject({
    group_id: id,
    name: opt(text),
    description: opt(text),
    role_ids: opt(v.array(id)),
  });
  const role = v.looseObject({
    role_id: id,
    name: opt(text),
    description: opt(text),
    permissions: opt(texts),
  });
  const user = v.looseObject({
    user_id: id,
    tenant_id: opt(id),
    login_id: opt(text),
    full_name: opt(text),
    email: opt(text),
    user_type: opt(text),
    user_status: opt(text),
    created_date: opt(text),
  });
  const notification = v.looseObject({
    notification_id: id,
    type: opt(text),
    recipient_user_id: opt(id),
    access_key: opt(text),
    key_name: opt(text),
    message: opt(text),
    created_date: opt(text),
  });
  const userInfo = v.looseObject({
    user_id: id,
    tenant_id: id,
    tenant_name: opt(text),
    tenant_domain_name: opt(text),
    principal_id: opt(text),
    type: opt(text),
    auth_type: opt(text),
    roles: opt(texts),
    groups: opt(texts),
    permissions: opt(texts),
    key_type: opt(text),
  });
  const permissions = v.looseObject({
    permissions: texts,
    sources: opt(v.array(v.looseObject({ permission: text, via: text, name: text }))),
  });
  // Either token may be missing (issue 12): the session gets a JWT from the refresh token, or
  // uses a lone JWT until it expires. At least one is checked by the session.
  const login = v.looseObject({
    json_web_token: opt(jwt),
    token: opt(token),
    user_id: opt(id),
    tenant_id: opt(id),
    principal_id: opt(text),
    tenant_name: opt(text),
  });
  const refresh = v.looseObject({ json_web_token: opt(jwt) });
  const metadata = v.looseObject({
    page: opt(count),
    records_per_page: opt(count),
    page_count: count,
    // A number, not necessarily a safe integer: pagination bounds whatever it says.
    total_count: v.pipe(v.number(), v.minValue(0)),
  });
  const list = <T extends GenericSchema>(item: T) =>
    v.looseObject({ records: v.array(item), _metadata: metadata });
  const groupIds = v.looseObject({ group_ids: v.array(id) });
  const roleIds = v.looseObject({ role_ids: v.array(id) });

  return {
    accessKey,
    createdKey,
    regenerated,
    storedSecret,
    userInfo,
    user,
    permissions,
    login,
    refresh,
    groupIds,
    roleIds,
    keyPage: list(accessKey),
    keyGroupPage: list(keyGroupRef),
    keyRolePage: list(keyRoleRef),
    groupPage: list(group),
    rolePage: list(role),
    userPage: list(user),
    notificationPage: list(notification),
  };
}

const schemas = buildSchemas();

/** The name of an answer's schema, as a request names it (HttpRequest.answer). */
export type AnswerName = keyof typeof schemas;

/**
 * The answer checked against its schema, with numeric ids turned into strings; a mismatch is
 * a ServiceError (exit 7) naming the first field that is wrong, never its value.
 */
export function checkAnswer(name: AnswerName, body: unknown, context: RequestContext): unknown {
  const result = safeParse(schemas[name], body, { abortEarly: true });
  if (result.success) return result.output;
  throw unexpectedAnswer(issuePath(result.issues[0]?.path), context);
}

/** `records[3].expiry_time`: where an answer went wrong, never what it held (it may be a secret). */
export function issuePath(path: ReadonlyArray<{ key: unknown }> | undefined): string {
  if (!path || path.length === 0) return 'the answer as a whole';
  let out = '';
  for (const { key } of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
