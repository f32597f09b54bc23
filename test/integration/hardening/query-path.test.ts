import { beforeAll, describe, expect, it } from 'vitest';
import { hasUnsafeCharacter } from '../../../src/core/quote.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { basic } from '../../helpers/emulator-seed.js';
import { envelopeOf, useInProcess } from './in-process.js';

const emu = useInProcess();
let admin = '';

beforeAll(async () => {
  admin = await emu.login(basic.acmeAdmin);
});

const get = (path: string) => emu.send('GET', path, { token: admin });

describe('query parameters', () => {
  it('ignores unknown parameters, like a Spring controller', async () => {
    for (const path of [
      `${imsPaths.keys}?colour=red&orderby=name&PAGE=3`,
      `${imsPaths.users}?colour=red`,
      `${imsPaths.groups}?userTypes=ADMIN`,
      `${imsPaths.roles}?expired=maybe`,
      `${imsPaths.emulatorNotifications}?colour=red`,
      `${imsPaths.userinfo}?page=-1`,
    ]) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it('refuses a single-valued parameter given twice, and bad values of known ones', async () => {
    const cases: Array<[string, string]> = [
      [`${imsPaths.keys}?page=0&page=1`, 'page must be given once'],
      [`${imsPaths.keys}?orderBy=name&orderBy=status`, 'orderBy must be given once'],
      [`${imsPaths.keys}?name=a&name=b`, 'name must be given once'],
      [`${imsPaths.users}?excludeApiKeyUsers=yes`, 'excludeApiKeyUsers must be true or false'],
      [`${imsPaths.users}?orderBy=password`, expect.stringMatching(/^orderBy must be one of: /)],
      [
        `${imsPaths.groups}?orderBy=name;DROP TABLE groups`,
        expect.stringMatching(/^orderBy must be one of: /),
      ],
      [`${imsPaths.roles}?sortOrder=sideways`, 'sortOrder must be asc or desc'],
      [`${imsPaths.roles}?size=1e3`, 'size must be an integer between 1 and 1000'],
      [
        `${imsPaths.emulatorNotifications}?page=%ZZ`,
        expect.stringMatching(/^page must be an integer/),
      ],
      [
        `${imsPaths.userKeys(basic.users.alice)}?expiringWithinDays=999999`,
        expect.stringMatching(/^expiringWithinDays/),
      ],
    ];
    for (const [path, text] of cases) {
      expect(envelopeOf(await get(path)), path).toEqual([400, 'BAD_REQUEST', text]);
    }
    // userTypes is multi-valued: repeating it is a union, not an error.
    const both = await get(`${imsPaths.keys}?userTypes=API&userTypes=USER`);
    expect(both.status).toBe(200);
    const persons = await get(`${imsPaths.users}?excludeApiKeyUsers=TRUE`);
    expect(new Set(persons.body.records.map((u: { user_type: string }) => u.user_type))).toEqual(
      new Set(['PERSON']),
    );
  });
});

describe('path parameters', () => {
  it('answers absurd, encoded, traversing and unicode parameters with a 404 envelope', async () => {
    const paths = [
      `${imsPaths.keys}/${'A'.repeat(10_000)}`,
      `${imsPaths.keys}/${'A'.repeat(257)}/secret`,
      `${imsPaths.keys}/a%2Fb`,
      `${imsPaths.keys}/..%2F..%2Fusers`,
      `${imsPaths.keys}/%2e%2e`,
      `${imsPaths.keys}/%F0%9F%94%91`,
      `${imsPaths.keys}/%00`,
      `${imsPaths.keys}/%1B%5B31m/groups`,
      `${imsPaths.keys}/%ED%A0%80`,
      `${imsPaths.keys}/%ZZ/roles`,
      `${imsPaths.keys}/%`,
      `${imsPaths.users}/${'9'.repeat(300)}/access_keys`,
      `${imsPaths.users}/%E2%80%AE/access_keys/x`,
      `${imsPaths.groups}/%C0%AF`,
      `${imsPaths.roles}/${'%F0%9F%98%80'.repeat(100)}`,
      `${imsPaths.keys}//secret`,
      `${imsPaths.keys}/x/secret/extra`,
    ];
    for (const path of paths) {
      const res = await get(path);
      expect(res.status, path.slice(0, 60)).toBe(404);
      expect(res.body).toEqual({
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
        code: 404,
        message: 'NOT_FOUND',
        error: expect.any(String),
      });
      expect(res.body.error.length, path.slice(0, 60)).toBeLessThan(200);
      expect(hasUnsafeCharacter(res.body.error)).toBe(false);
    }
  });

  it('shows a long or unprintable reference cut and escaped in the error text', async () => {
    const long = await get(imsPaths.key('K'.repeat(200)));
    expect(long.body.error).toBe(`Access key "${'K'.repeat(64)}…" (200 characters) not found`);
    const normal = await get(imsPaths.key('NOPE'));
    expect(normal.body.error).toBe('Access key NOPE not found');
  });
});

describe('the test clock', () => {
  it('stays between 1970 and 8999 and keeps the emulator serving', async () => {
    const move = (json: unknown) => emu.send('POST', imsPaths.emulatorClock, { json });
    const range = 'The test clock stays between 1970-01-01 and 8999-12-31';
    expect(envelopeOf(await move({ now: '0075-06-01T00:00:00Z' }))).toEqual([
      400,
      'BAD_REQUEST',
      range,
    ]);
    expect(envelopeOf(await move({ now: '1969-12-31T23:59:59Z' }))).toEqual([
      400,
      'BAD_REQUEST',
      range,
    ]);
    expect(envelopeOf(await move({ now: '9000-01-01T00:00:00Z' }))).toEqual([
      400,
      'BAD_REQUEST',
      range,
    ]);
    expect(envelopeOf(await move({ advance_seconds: -2_000_000_000 }))).toEqual([
      400,
      'BAD_REQUEST',
      range,
    ]);
    expect((await move({ advance_seconds: 1e300 })).status).toBe(400);
    expect((await move({ advance_seconds: -1e12 })).status).toBe(400);
    const health = await emu.send('GET', imsPaths.emulatorHealth);
    expect(health.status).toBe(200);
    expect((await emu.send('GET', imsPaths.emulatorClock)).body.now).toBe(
      '2026-01-15T12:00:00.000Z',
    );
    expect((await get(imsPaths.userinfo)).status).toBe(200);
    const late = await move({ now: '8999-12-31T00:00:00Z' });
    expect(late.status).toBe(200);
    // Far in the future every token has expired, and the 401 still carries a valid envelope.
    const refused = await get(`${imsPaths.keys}?size=1`);
    expect(envelopeOf(refused)).toEqual([401, 'UNAUTHORIZED', 'JWT token is missing or expired']);
    expect(refused.body.timestamp).toBe('8999-12-31T00:00:00.000000Z');
    expect((await move({ now: '2026-01-15T12:00:00Z' })).status).toBe(200);
  });
});
