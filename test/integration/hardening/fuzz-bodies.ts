import fc from 'fast-check';
import { EXPIRY_ENUM } from '../../../src/wire/types.js';
import { ACME, basic, GLOBEX } from '../../helpers/emulator-seed.js';
import { type Body, type Route, ref } from './fuzz-types.js';

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

/** A body for the route: valid, mutated from its fields, or anything at all. */
export function bodyFor(route: Route | undefined): fc.Arbitrary<Body> {
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
