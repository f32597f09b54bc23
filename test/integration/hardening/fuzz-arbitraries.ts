import fc from 'fast-check';
import { EXPIRY_ENUM } from '../../../src/api/types.js';
import { ACME, basic, GLOBEX } from '../../helpers/emulator-seed.js';

/** A reference resolved when the request is sent, against what the run has made so far. */
export interface Ref {
  /** `login` and `secret` at the same index are one credential. */
  ref: 'key' | 'user' | 'group' | 'role' | 'secret' | 'refresh' | 'login';
  i: number;
}

export type Auth =
  | 'admin'
  | 'auditor'
  | 'plain'
  | 'bob'
  | 'globex'
  | 'none'
  | 'garbage'
  | 'refresh'
  | 'unsigned'
  | 'tampered';

/** The auth kinds that carry a valid access token. */
export const VALID_AUTH: ReadonlySet<Auth> = new Set([
  'admin',
  'auditor',
  'plain',
  'bob',
  'globex',
]);

export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] }
  | { kind: 'big'; extra: number }
  | { kind: 'deep'; depth: number };

export interface FuzzRequest {
  method: string;
  /** Index into the route table, or -1 for a random path. */
  route: number;
  params: Array<Ref | string>;
  extra: string[];
  randomPath: string;
  query: string;
  auth: Auth;
  contentType: string | undefined;
  accept: string | undefined;
  body: Body;
}

export interface Route {
  method: string;
  path: string;
}

const ref = (kind: Ref['ref']) => fc.noBias(fc.nat(50)).map((i): Ref => ({ ref: kind, i }));

/** Path segments that have broken servers: traversal, encodings, overlong and odd values. */
const nastySegment = fc.oneof(
  fc.constantFrom(
    '',
    '.',
    '..',
    '%2e%2e',
    '%2E%2E%2F',
    'a%2Fb',
    '%2F',
    '%5C',
    '%00',
    '%1b%5b31m',
    '%ZZ',
    '%',
    '%C0%AF',
    '%ED%A0%80',
    '%E2%80%AE',
    '%F0%9F%94%91',
    'login',
    'secret',
    '0',
    '-1',
    'null',
    '__proto__',
    'constructor',
    'toString',
    "'%20OR%201=1--",
    '000000000000000',
    '9'.repeat(19),
  ),
  fc.string({ maxLength: 30 }).map(encodeSafely),
  fc.string({ unit: 'binary', maxLength: 12 }).map(encodeSafely),
  fc.integer({ min: 100, max: 5000 }).map((n) => 'A'.repeat(n)),
  fc.stringMatching(/^\d{1,20}$/),
);

function encodeSafely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\ud800-\udfff]/g, '%ED%A0%80');
  }
}

const QUERY_NAMES = [
  'page',
  'size',
  'orderBy',
  'sortOrder',
  'userTypes',
  'userType',
  'status',
  'expired',
  'expiringWithinDays',
  'name',
  'type',
  'recipient_user_id',
  'access_key',
  'excludeApiKeyUsers',
];
const QUERY_VALUES = [
  '0',
  '1',
  '-1',
  '1000',
  '1001',
  '1e3',
  '',
  'name',
  'user_id',
  'created_date_time',
  'expiry_time',
  'secret_hash',
  'name;DROP TABLE users',
  'asc',
  'DESC',
  'API,TENANT',
  'USER',
  'ADMIN',
  'ACTIVE',
  'true',
  'FALSE',
  'yes',
  '99999',
  '%ZZ',
  'ACCESS_KEY_EXPIRING',
  '9'.repeat(400),
];
const query = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  {
    weight: 5,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 8 })),
          fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.string({ maxLength: 20 })),
        ),
        { maxLength: 5 },
      )
      .map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `?${s.replace(/#/g, '')}`) },
);

const anyJson = fc.jsonValue({ maxDepth: 3 });
/** A plausible value for the field, or (one time in five) any JSON at all. */
const field = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 4, arbitrary: plausible as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: anyJson },
  );

const ids = (kind: 'group' | 'role') =>
  fc.array(fc.oneof(ref(kind), fc.stringMatching(/^\d{15}$/), fc.constant('nope')), {
    maxLength: 4,
  });
const name = fc.oneof(
  fc.constantFrom('fuzz-key', '  padded  ', '', 'tab\there', `${ACME}@bhom`, '🔑'.repeat(130)),
  fc.string({ maxLength: 140 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const FIELDS: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  name,
  description: fc.oneof(fc.constant(null), fc.string({ maxLength: 1100 })),
  type: fc.constantFrom('TENANT', 'API', 'USER', 'ADMIN', ''),
  expiry_enum: fc.constantFrom(...Object.values(EXPIRY_ENUM), 'forever'),
  expiry_time: fc.constantFrom(
    '2026-06-01',
    '2027-01-01T10:00:00',
    '2020-01-01',
    '9999-12-31',
    'tomorrow',
    '2026-02-30',
    '0075-01-01',
    null,
  ),
  non_deletable: fc.boolean(),
  rotation: fc.record(
    {
      never_rotate: fc.boolean(),
      rotation_period: fc.integer({ min: -5, max: 4000 }),
      grace_period: fc.integer({ min: -5, max: 4000 }),
    },
    { requiredKeys: [] },
  ),
  never_rotate: fc.boolean(),
  rotation_period: fc.integer({ min: -5, max: 4000 }),
  grace_period: fc.integer({ min: -5, max: 4000 }),
  group_ids: ids('group'),
  role_ids: ids('role'),
  status: fc.constantFrom('ACTIVE', 'INACTIVE', 'active', 'PAUSED'),
  access_key: fc.oneof(
    fc.constantFrom(
      ...Object.values(basic).flatMap((c) =>
        typeof c === 'object' && 'accessKey' in c ? [c.accessKey] : [],
      ),
    ),
    fc.string({ maxLength: 40 }),
  ),
  access_secret_key: fc.oneof(ref('secret'), fc.string({ maxLength: 60 })),
  tenant_id: fc.constantFrom(ACME, GLOBEX, '9999999999', 1000000001, null, '', 'x'),
  token: fc.oneof(ref('refresh'), fc.string({ maxLength: 60 })),
  advance_seconds: fc.oneof(fc.integer({ min: -3600, max: 40 * 86_400 }), fc.double()),
  now: fc.constantFrom(
    '2026-03-01T00:00:00Z',
    '2027-02-01',
    '1969-01-01T00:00:00Z',
    '8999-12-31T00:00:00Z',
    'soon',
  ),
  login_id: name,
  full_name: name,
  email: fc.constantFrom('a@example.com', 'not an address', ''),
};

const opt = { requiredKeys: [] as never[] };
const keyName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const text = fc.stringMatching(/^[ -~]{0,60}$/);
const preset = fc.constantFrom('30 days', '60 days', '90 days', 'Never expires (not recommended)');
const mostlyFalse = fc.constantFrom(false, false, false, true);
const oneRef = (kind: 'group' | 'role') => fc.array(ref(kind), { maxLength: 1 });
const keyPatch = fc.record(
  {
    name: keyName,
    description: text,
    expiry_enum: preset,
    status: fc.constantFrom('ACTIVE', 'INACTIVE'),
  },
  opt,
);
const userKey = fc.record(
  { name: keyName, expiry_enum: preset, description: text, non_deletable: mostlyFalse },
  { requiredKeys: ['name', 'expiry_enum'] },
);

/** Bodies each route accepts (valid types, lengths, combinations), so requests succeed. */
const VALID_BODIES: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  'POST /ims/api/v1/access_keys/login': fc
    .nat(50)
    .map((i) => ({ access_key: { ref: 'login', i }, access_secret_key: { ref: 'secret', i } })),
  'POST /ims/api/v1/auth/tokens': ref('refresh').map((token) => ({ token })),
  'POST /ims/api/v1/access_keys': fc.oneof(
    fc.record(
      {
        name: keyName,
        expiry_enum: preset,
        description: text,
        non_deletable: mostlyFalse,
        group_ids: oneRef('group'),
        role_ids: oneRef('role'),
      },
      { requiredKeys: ['name', 'expiry_enum'] },
    ),
    fc.record(
      {
        name: keyName,
        expiry_enum: preset,
        type: fc.constant('API'),
        rotation: fc.integer({ min: 2, max: 3650 }).chain((p) =>
          fc.record({
            rotation_period: fc.constant(p),
            grace_period: fc.integer({ min: 1, max: p - 1 }),
          }),
        ),
        role_ids: oneRef('role'),
      },
      { requiredKeys: ['name', 'expiry_enum', 'type'] },
    ),
  ),
  'PATCH /ims/api/v1/access_keys/:key': keyPatch,
  'PATCH /ims/api/v1/access_keys/:key/rotation': fc.record(
    {
      never_rotate: fc.boolean(),
      rotation_period: fc.integer({ min: 16, max: 3650 }),
      grace_period: fc.integer({ min: 1, max: 15 }),
    },
    opt,
  ),
  'PUT /ims/api/v1/access_keys/:key/groups': oneRef('group').map((group_ids) => ({ group_ids })),
  'PUT /ims/api/v1/access_keys/:key/roles': oneRef('role').map((role_ids) => ({ role_ids })),
  'POST /ims/api/v1/users/:userId/access_keys': userKey,
  'PATCH /ims/api/v1/users/:userId/access_keys/:key': keyPatch,
  'POST /ims/api/v1/users': fc.record(
    {
      login_id: fc.stringMatching(/^[a-z]{1,12}$/),
      full_name: keyName,
      email: fc.constant('someone@example.com'),
      group_ids: oneRef('group'),
    },
    { requiredKeys: ['login_id'] },
  ),
  'POST /ims/api/v1/groups': fc.record(
    { name: keyName, description: text, role_ids: oneRef('role') },
    { requiredKeys: ['name'] },
  ),
  'POST /__emulator/clock': fc
    .integer({ min: 0, max: 3 * 86_400 })
    .map((n) => ({ advance_seconds: n })),
};

/** Body fields per route (`METHOD path`), as the API documents them. */
export const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  'POST /ims/api/v1/access_keys/login': ['access_key', 'access_secret_key', 'tenant_id'],
  'POST /ims/api/v1/auth/tokens': ['token'],
  'POST /ims/api/v1/access_keys': [
    'name',
    'description',
    'type',
    'expiry_enum',
    'expiry_time',
    'non_deletable',
    'rotation',
    'group_ids',
    'role_ids',
  ],
  'PATCH /ims/api/v1/access_keys/:key': [
    'name',
    'description',
    'expiry_enum',
    'expiry_time',
    'status',
  ],
  'PATCH /ims/api/v1/access_keys/:key/rotation': [
    'never_rotate',
    'rotation_period',
    'grace_period',
  ],
  'PUT /ims/api/v1/access_keys/:key/groups': ['group_ids'],
  'PUT /ims/api/v1/access_keys/:key/roles': ['role_ids'],
  'POST /ims/api/v1/users/:userId/access_keys': [
    'name',
    'description',
    'expiry_enum',
    'expiry_time',
    'non_deletable',
    'type',
  ],
  'PATCH /ims/api/v1/users/:userId/access_keys/:key': [
    'name',
    'description',
    'expiry_enum',
    'expiry_time',
    'status',
  ],
  'POST /ims/api/v1/users': ['login_id', 'full_name', 'email', 'group_ids', 'role_ids'],
  'POST /ims/api/v1/groups': ['name', 'description', 'role_ids'],
  'POST /__emulator/clock': ['advance_seconds', 'now'],
};

function templateBody(fields: readonly string[]): fc.Arbitrary<unknown> {
  const shape = Object.fromEntries(fields.map((f) => [f, field(FIELDS[f] ?? anyJson)]));
  return fc
    .tuple(
      fc.record(shape, { requiredKeys: [] }),
      fc.option(fc.tuple(fc.string({ maxLength: 10 }), anyJson), { freq: 8 }),
    )
    .map(([body, unknown]) => (unknown ? { ...body, [unknown[0]]: unknown[1] } : body));
}

function bodyFor(route: Route | undefined): fc.Arbitrary<Body> {
  const fields = route ? TEMPLATES[`${route.method} ${route.path}`] : undefined;
  const valid = route ? VALID_BODIES[`${route.method} ${route.path}`] : undefined;
  return fc.oneof(
    {
      weight: valid ? 10 : 0,
      arbitrary: (valid ?? fc.constant({})).map((value): Body => ({ kind: 'json', value })),
    },
    { weight: 3, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    {
      weight: fields ? 12 : 1,
      arbitrary: templateBody(fields ?? ['name']).map((value): Body => ({ kind: 'json', value })),
    },
    { weight: 1, arbitrary: anyJson.map((value): Body => ({ kind: 'json', value })) },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 60 }).map((text): Body => ({ kind: 'text', text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.nat(255), { maxLength: 40 })
        .map((bytes): Body => ({ kind: 'bytes', bytes })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: -200, max: 5000 })
        .map((extra): Body => ({ kind: 'big', extra })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 10, max: 5000 }).map((depth): Body => ({ kind: 'deep', depth })),
    },
  );
}

const OTHER_METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'PROPFIND',
  'FOO',
  'patch',
  'Get',
];

/** One request: mostly a real route with plausible parts, sometimes anything at all. */
export function requestArbitrary(routes: readonly Route[]): fc.Arbitrary<FuzzRequest> {
  // Writes are where state breaks: each route that changes something is drawn three times.
  const draws = [...routes.flatMap((r, i) => (r.method === 'GET' ? [i] : [i, i, i])), -1];
  // Unbiased: fast-check favours the first values of a list, and every route matters.
  return fc.noBias(fc.constantFrom(...draws)).chain((index) => {
    const route = routes[index];
    const paramCount = route ? (route.path.match(/:[A-Za-z]+/g) ?? []).length : 0;
    return fc.record({
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constant(route?.method ?? 'GET') },
        { weight: 2, arbitrary: fc.constantFrom(...OTHER_METHODS) },
      ),
      route: fc.constant(index),
      params: fc.array(
        fc.oneof(
          { weight: 5, arbitrary: fc.oneof(ref('key'), ref('user'), ref('group'), ref('role')) },
          { weight: 2, arbitrary: nastySegment },
        ),
        { minLength: paramCount, maxLength: paramCount },
      ),
      extra: fc.oneof(
        { weight: 8, arbitrary: fc.constant([] as string[]) },
        {
          weight: 1,
          arbitrary: fc.array(nastySegment, { minLength: 1, maxLength: 3 }) as fc.Arbitrary<
            string[]
          >,
        },
      ),
      randomPath: fc.oneof(
        fc.constantFrom(
          '/',
          '/ims',
          '/ims/api/v1',
          '/ims/api/v2/access_keys',
          '/__emulator',
          '/ims/api/v1/access_keys/',
          '/ims/api/v1/ACCESS_KEYS',
          '/ims/api/v1/./access_keys',
          '/ims/api/v1/x/../userinfo',
        ),
        fc.array(nastySegment, { maxLength: 4 }).map((s) => `/${s.join('/')}`),
      ),
      query,
      auth: fc.oneof(
        { weight: 6, arbitrary: fc.constant<Auth>('admin') },
        { weight: 4, arbitrary: fc.constantFrom<Auth>('auditor', 'plain', 'bob', 'globex') },
        {
          weight: 3,
          arbitrary: fc.constantFrom<Auth>('none', 'garbage', 'refresh', 'unsigned', 'tampered'),
        },
      ),
      contentType: fc.oneof(
        { weight: 10, arbitrary: fc.constant<string | undefined>('application/json') },
        {
          weight: 3,
          arbitrary: fc.constantFrom<string | undefined>(
            undefined,
            'application/json; charset=utf-8',
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/merge-patch+json',
            'application/json; charset=latin1',
            'multipart/form-data',
          ),
        },
      ),
      accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*', 'application/xml'),
      body: bodyFor(route),
    });
  });
}
