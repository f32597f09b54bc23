import { beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { basic } from '../../helpers/emulator-seed.js';
import { envelopeOf, useInProcess } from './in-process.js';

const emu = useInProcess();
let admin = '';

beforeAll(async () => {
  admin = await emu.login(basic.acmeAdmin);
});

const createKey = (json: unknown) => emu.send('POST', imsPaths.keys, { token: admin, json });
const key = (extra: Record<string, unknown>) => ({ name: 'k', expiry_enum: '30 days', ...extra });

describe('request bodies: size, media type, encoding, shape', () => {
  it('accepts 64 KiB and refuses one byte more with 413, also without a Content-Length', async () => {
    const sized = (bytes: number) => {
      const base = JSON.stringify({ name: 'k', expiry_enum: '30 days', description: '' });
      return base.replace('"description":""', `"description":"${'x'.repeat(bytes - base.length)}"`);
    };
    const exact = await emu.send('POST', imsPaths.keys, {
      token: admin,
      raw: sized(64 * 1024),
      headers: { 'content-type': 'application/json' },
    });
    // The size passes; the schema then refuses the 65,000-character description.
    expect(envelopeOf(exact)).toEqual([
      400,
      'BAD_REQUEST',
      'description must be at most 1000 characters',
    ]);
    const over = await emu.send('POST', imsPaths.keys, {
      token: admin,
      raw: sized(64 * 1024 + 1),
      headers: { 'content-type': 'application/json' },
    });
    expect(envelopeOf(over)).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
      'Request body is larger than 65536 bytes',
    ]);
    const chunks = [new TextEncoder().encode('{"name":"'), new Uint8Array(70_000).fill(120)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await emu.emulator.fetch(
      new Request(new URL(imsPaths.keys, 'http://emulator.test'), {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { message: string }).message).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body not declared as JSON with 415, and accepts JSON media types', async () => {
    const body = JSON.stringify(key({}));
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/jsonp',
      'json',
    ]) {
      const res = await emu.send('POST', imsPaths.keys, {
        token: admin,
        raw: body,
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(415);
      expect(res.body).toMatchObject({ code: 415, message: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    const untyped = await emu.send('POST', imsPaths.keys, {
      token: admin,
      raw: new TextEncoder().encode(body),
    });
    expect(envelopeOf(untyped)).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Content type none is not supported; send application/json',
    ]);
    for (const type of [
      'application/json',
      'Application/JSON; charset="UTF-8"',
      'application/merge-patch+json',
      'application/json;charset=utf8',
    ]) {
      const res = await emu.send('POST', imsPaths.keys, {
        token: admin,
        raw: body,
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(201);
    }
    // An empty body has nothing to declare: it reads as {} whatever the header says.
    const empty = await emu.send('POST', imsPaths.login, {
      raw: '',
      headers: { 'content-type': 'text/plain' },
    });
    expect(envelopeOf(empty)).toEqual([
      400,
      'BAD_REQUEST',
      'access_key and access_secret_key are required',
    ]);
  });

  it('refuses non-objects, non-JSON, broken UTF-8 and deep nesting with 400', async () => {
    const cases: Array<[string | Uint8Array, string]> = [
      ['[]', 'Request body must be a JSON object'],
      ['"name"', 'Request body must be a JSON object'],
      ['42', 'Request body must be a JSON object'],
      ['null', 'Request body must be a JSON object'],
      ['true', 'Request body must be a JSON object'],
      ['{"name":', 'Malformed JSON in request body'],
      ["{'name': 'k'}", 'Malformed JSON in request body'],
      ['name=k', 'Malformed JSON in request body'],
      [
        new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
        'Request body is not valid UTF-8',
      ],
      [
        `{"name":"k","x":${'['.repeat(16)}${']'.repeat(16)}}`,
        'Request body is nested deeper than 16 levels',
      ],
    ];
    for (const [raw, text] of cases) {
      const res = await emu.send('POST', imsPaths.keys, {
        token: admin,
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(envelopeOf(res), String(raw).slice(0, 30)).toEqual([400, 'BAD_REQUEST', text]);
    }
    // 16 levels pass the depth check and reach the schema, which refuses the unknown field.
    const deep = await emu.send('POST', imsPaths.keys, {
      token: admin,
      raw: `{"x":${'['.repeat(15)}${']'.repeat(15)}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(envelopeOf(deep)).toEqual([400, 'BAD_REQUEST', 'Unknown field(s): x']);
    const huge = await emu.send('POST', imsPaths.keys, {
      token: admin,
      raw: '['.repeat(60_000),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(400);
  });
});

describe('body schemas', () => {
  it('holds names to 1..128 printable characters and descriptions to 1000', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'a\u001b[31mb' }, 'name must not contain control characters (U+001B at position 2)'],
      [{ name: 'tab\there' }, 'name must not contain control characters (U+0009 at position 4)'],
      [
        { name: 'evil\u202egnp.exe' },
        'name must not contain control characters (U+202E at position 5)',
      ],
      [{ name: 'x\ud800' }, 'name must be valid Unicode text'],
      [{ name: 'n'.repeat(129) }, 'name must be at most 128 characters'],
      [{ name: '   ' }, 'name is required'],
      [{ name: 7 }, 'name must be a string'],
      [{ description: 'd'.repeat(1001) }, 'description must be at most 1000 characters'],
      [
        { description: 'line\nbreak' },
        'description must not contain control characters (U+000A at position 5)',
      ],
      [{ description: 5 }, 'description must be a string'],
      [{ expiry_enum: 30 }, 'expiry_enum must be a string'],
      [{ non_deletable: 1 }, 'non_deletable must be true or false'],
    ];
    for (const [extra, text] of cases) {
      expect(envelopeOf(await createKey(key(extra))), JSON.stringify(extra)).toEqual([
        400,
        'BAD_REQUEST',
        text,
      ]);
    }
    // Code points count, not UTF-16 units: 128 emoji are 256 units and still a valid name.
    const emoji = await createKey(key({ name: '🔑'.repeat(128), description: 'é'.repeat(1000) }));
    expect(emoji.status).toBe(201);
    expect(emoji.body.name).toBe('🔑'.repeat(128));
    const padded = await createKey(key({ name: `  ${'n'.repeat(128)}  ` }));
    expect([padded.status, padded.body.name]).toEqual([201, 'n'.repeat(128)]);
  });

  it('holds group_ids and role_ids to 100 distinct ids', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(900000000000000 + i));
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ group_ids: ids(101) }, 'group_ids must hold at most 100 ids'],
      [{ role_ids: ['1', '2', '1'] }, 'role_ids must not repeat an id (1)'],
      [{ group_ids: [1] }, 'group_ids must be an array of ids'],
      [{ group_ids: [''] }, 'group_ids must be an array of ids'],
      [{ group_ids: 'x' }, 'group_ids must be an array of ids'],
      [{ role_ids: [{}] }, 'role_ids must be an array of ids'],
      [{ role_ids: ['a\u0000'] }, 'role_ids must be an array of ids'],
    ];
    for (const [extra, text] of cases) {
      expect(envelopeOf(await createKey(key(extra))), JSON.stringify(extra).slice(0, 40)).toEqual([
        400,
        'BAD_REQUEST',
        text,
      ]);
    }
    // 100 well-formed ids pass the schema; the service then finds they do not exist.
    const hundred = await createKey(key({ group_ids: ids(100) }));
    expect([hundred.status, hundred.body.error]).toEqual([
      400,
      expect.stringMatching(/^Unknown group id\(s\): 900000000000000, /),
    ]);
    const put = await emu.send('PUT', imsPaths.keyGroups(basic.acmePlain.accessKey), {
      token: admin,
      json: { group_ids: ['1', '1'] },
    });
    expect(envelopeOf(put)).toEqual([400, 'BAD_REQUEST', 'group_ids must not repeat an id (1)']);
  });

  it('holds rotation periods to 1..3650 whole days with grace shorter than period', async () => {
    const api = (rotation: unknown) => key({ type: 'API', rotation });
    const cases: Array<[unknown, string]> = [
      [{ rotation_period: 0 }, 'rotation.rotation_period must be an integer between 1 and 3650'],
      [{ rotation_period: 3651 }, 'rotation.rotation_period must be an integer between 1 and 3650'],
      [{ grace_period: 1.5 }, 'rotation.grace_period must be an integer between 1 and 3650'],
      [{ grace_period: '7' }, 'rotation.grace_period must be an integer between 1 and 3650'],
      [
        { rotation_period: 10, grace_period: 10 },
        'grace_period must be shorter than rotation_period',
      ],
      [{ never_rotate: 'no' }, 'rotation.never_rotate must be true or false'],
      [{ period: 5 }, 'Unknown field(s): rotation.period'],
      [[], 'rotation must be an object'],
    ];
    for (const [rotation, text] of cases) {
      expect(envelopeOf(await createKey(api(rotation))), JSON.stringify(rotation)).toEqual([
        400,
        'BAD_REQUEST',
        text,
      ]);
    }
    const widest = await createKey(api({ rotation_period: 3650, grace_period: 3649 }));
    expect([widest.status, widest.body.rotation.grace_period]).toEqual([201, 3649]);
    const patch = await emu.send('PATCH', imsPaths.keyRotation(widest.body.access_key), {
      token: admin,
      json: { rotation_period: 1e300 },
    });
    expect(envelopeOf(patch)).toEqual([
      400,
      'BAD_REQUEST',
      'rotation_period must be an integer between 1 and 3650',
    ]);
  });

  it('refuses unknown fields everywhere but in credential bodies', async () => {
    const refused: Array<[string, string, unknown]> = [
      ['POST', imsPaths.keys, key({ colour: 'red' })],
      ['PATCH', imsPaths.key(basic.acmePlain.accessKey), { colour: 'red' }],
      ['PATCH', imsPaths.keyRotation(basic.ingest.accessKey), { colour: 'red' }],
      ['PUT', imsPaths.keyGroups(basic.acmePlain.accessKey), { group_ids: [], colour: 'red' }],
      ['PUT', imsPaths.keyRoles(basic.acmePlain.accessKey), { role_ids: [], colour: 'red' }],
      ['POST', imsPaths.groups, { name: 'g', colour: 'red' }],
      ['POST', imsPaths.users, { login_id: 'u', colour: 'red' }],
      ['POST', imsPaths.userKeys(basic.users.carol), key({ colour: 'red' })],
      ['POST', imsPaths.emulatorClock, { advance_seconds: 1, colour: 'red' }],
    ];
    for (const [method, path, json] of refused) {
      const res = await emu.send(method, path, { token: admin, json });
      expect(envelopeOf(res), `${method} ${path}`).toEqual([
        400,
        'BAD_REQUEST',
        'Unknown field(s): colour',
      ]);
    }
    const many = await createKey(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}\u001b`, 1])),
    );
    expect(many.body.error).toBe(
      `Unknown field(s): ${Array.from({ length: 10 }, (_, i) => `"f${i}\\x1b"`).join(', ')}, …`,
    );
    const login = await emu.send('POST', imsPaths.login, {
      json: {
        access_key: basic.acmePlain.accessKey,
        access_secret_key: basic.acmePlain.secretKey,
        colour: 'red',
      },
    });
    expect(login.status).toBe(200);
    for (const json of [
      { access_key: ['x'], access_secret_key: 'y' },
      { access_key: 'x', access_secret_key: 'y'.repeat(257) },
      { access_key: 'x', access_secret_key: 'y', tenant_id: { id: 1 } },
    ]) {
      expect(
        (await emu.send('POST', imsPaths.login, { json })).status,
        JSON.stringify(json).slice(0, 40),
      ).toBe(400);
    }
  });

  it('checks persons and groups with the same text rules', async () => {
    const cases: Array<[string, unknown, string]> = [
      [
        imsPaths.users,
        { login_id: 'a\u0007' },
        'login_id must not contain control characters (U+0007 at position 2)',
      ],
      [
        imsPaths.users,
        { login_id: 'u', full_name: 'f'.repeat(129) },
        'full_name must be at most 128 characters',
      ],
      [
        imsPaths.users,
        { login_id: 'u', email: 'not an address' },
        'email is not in the expected form',
      ],
      [imsPaths.users, {}, 'login_id is required'],
      [
        imsPaths.groups,
        { name: 'g', description: 'd'.repeat(1001) },
        'description must be at most 1000 characters',
      ],
      [imsPaths.groups, { name: '' }, 'name is required'],
    ];
    for (const [path, json, text] of cases) {
      expect(
        envelopeOf(await emu.send('POST', path, { token: admin, json })),
        JSON.stringify(json).slice(0, 40),
      ).toEqual([400, 'BAD_REQUEST', text]);
    }
  });
});
