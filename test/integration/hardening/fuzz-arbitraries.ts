import fc from 'fast-check';
import { bodyFor } from './fuzz-bodies.js';
import { type Auth, type FuzzRequest, type Route, ref } from './fuzz-types.js';

export type { Auth, Body, FuzzRequest, Ref, Route } from './fuzz-types.js';
export { VALID_AUTH } from './fuzz-types.js';

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
