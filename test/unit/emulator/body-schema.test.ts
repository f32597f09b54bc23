import { describe, expect, it } from 'vitest';
import { BODY } from '../../../src/emulator/http/body-schemas.js';
import { requireJsonContentType } from '../../../src/emulator/http/media-type.js';
import { type BodySchema, validateBody } from '../../../src/emulator/http/schema.js';
import { ApiError } from '../../../src/emulator/model/api-error.js';
import { charLength, shown, textProblem } from '../../../src/emulator/model/text-rules.js';

/** The status and text validateBody refuses with, or 'ok'. */
function verdict(body: Record<string, unknown>, schema: BodySchema): string {
  try {
    validateBody(body, schema);
    return 'ok';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return `${error.status} ${error.message}`;
  }
}

describe('validateBody', () => {
  it('checks each rule kind at its boundaries', () => {
    const schema: BodySchema = {
      fields: {
        n: { kind: 'name', max: 3 },
        t: { kind: 'text', max: 2, nullable: true },
        k: { kind: 'token', max: 4, numbers: true, pattern: /^[a-z]+$/ },
        b: { kind: 'boolean' },
        i: { kind: 'integer', min: 1, max: 9 },
        f: { kind: 'number', min: -1, max: 1 },
        ids: { kind: 'ids', maxItems: 2 },
        o: { kind: 'object', schema: { fields: { x: { kind: 'boolean' } }, required: ['x'] } },
      },
      required: ['n'],
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ n: ' abc ' }, 'ok'],
      [{ n: 'abcd' }, '400 n must be at most 3 characters'],
      [{ n: ' ' }, '400 n is required'],
      [{}, '400 n is required'],
      [{ n: 'a', t: null }, 'ok'],
      [{ n: 'a', t: 'abc' }, '400 t must be at most 2 characters'],
      [{ n: 'a', k: 12 }, 'ok'],
      [{ n: 'a', k: 1.5 }, '400 k must be a string'],
      [{ n: 'a', k: 'AB' }, '400 k is not in the expected form'],
      [{ n: 'a', k: '' }, 'ok'],
      [{ n: 'a', b: 0 }, '400 b must be true or false'],
      [{ n: 'a', i: 9 }, 'ok'],
      [{ n: 'a', i: 10 }, '400 i must be an integer between 1 and 9'],
      [{ n: 'a', i: 2.5 }, '400 i must be an integer between 1 and 9'],
      [{ n: 'a', f: 0.5 }, 'ok'],
      [{ n: 'a', f: '0' }, '400 f must be a number between -1 and 1'],
      [{ n: 'a', ids: ['1', '2'] }, 'ok'],
      [{ n: 'a', ids: ['1', '2', '3'] }, '400 ids must hold at most 2 ids'],
      [{ n: 'a', ids: ['1', '1'] }, '400 ids must not repeat an id (1)'],
      [{ n: 'a', ids: ['x'.repeat(65)] }, '400 ids must be an array of ids'],
      [{ n: 'a', o: {} }, '400 o.x is required'],
      [{ n: 'a', o: { x: true, y: 1 } }, '400 Unknown field(s): o.y'],
      [{ n: 'a', o: null }, '400 o must be an object'],
    ];
    for (const [body, expected] of cases) {
      expect(verdict(body, schema), JSON.stringify(body)).toBe(expected);
    }
  });

  it('never takes an inherited property for a declared field', () => {
    const schema: BodySchema = { fields: { name: { kind: 'name' } } };
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const body = JSON.parse(`{"${key}": 1}`) as Record<string, unknown>;
      expect(verdict(body, schema), key).toBe(`400 Unknown field(s): ${key}`);
    }
    expect(verdict({}, schema)).toBe('ok');
  });

  it('reports refused fields before unknown ones, and ignores unknown ones only where asked', () => {
    expect(verdict({ type: 'API', user_id: '1', colour: 1 }, BODY.patchKey)).toBe(
      '400 Field(s) cannot be changed: type, user_id',
    );
    expect(verdict({ role_ids: [] }, BODY.createUserKey)).toBe(
      "400 User access keys inherit their owner's groups and roles",
    );
    expect(verdict({ access_key: 'a', access_secret_key: 'b', extra: 1 }, BODY.login)).toBe('ok');
    expect(verdict({ access_key: 'a', tenant_id: 1000000001 }, BODY.login)).toBe('ok');
    expect(verdict({ tenant_id: 1.5 }, BODY.login)).toBe('400 tenant_id must be a string');
  });
});

describe('text rules', () => {
  it('counts code points and refuses controls, bidi overrides and lone surrogates', () => {
    expect(charLength('🔑é')).toBe(2);
    expect(textProblem('plain text, accents é and emoji 🔑')).toBeUndefined();
    expect(textProblem('a\u0085b')).toBe(
      'must not contain control characters (U+0085 at position 2)',
    );
    expect(textProblem('\u2066x')).toBe(
      'must not contain control characters (U+2066 at position 1)',
    );
    expect(textProblem('\udc00')).toBe('must be valid Unicode text');
  });

  it('shows input unchanged when short and printable, else quoted, escaped and cut', () => {
    expect(shown('ABC123')).toBe('ABC123');
    expect(shown('a\u001bb')).toBe('"a\\x1bb"');
    expect(shown('x'.repeat(70))).toBe(`"${'x'.repeat(64)}…" (70 characters)`);
    expect(shown('\ud800')).toBe('"\ufffd"');
  });
});

describe('requireJsonContentType', () => {
  it('accepts JSON media types with a UTF-8 charset or none, and refuses the rest with 415', () => {
    for (const ok of [
      'application/json',
      'application/problem+json',
      'APPLICATION/JSON ; Charset=UTF-8',
      'application/json; charset="utf8"; q=1',
    ]) {
      expect(() => requireJsonContentType(ok), ok).not.toThrow();
    }
    for (const bad of [
      undefined,
      '',
      'text/json',
      'application/json-seq',
      'application/json; charset=utf-16',
      '*/*',
    ]) {
      expect(() => requireJsonContentType(bad), String(bad)).toThrow(ApiError);
    }
  });
});
