import { describe, expect, it } from 'vitest';
import { KEY_LIST_FIELDS } from '../../../src/cli/commands/keys/shared/key-list-fields.js';
import { keyListColumns } from '../../../src/cli/commands/keys/shared/key-list-layout.js';
import { KEY_SHOW_FIELDS } from '../../../src/cli/commands/keys/show/field-names.js';
import { fieldsOption } from '../../../src/cli/runtime/option-parsers.js';
import { parseFieldList, pickFields } from '../../../src/core/field-list.js';

const VALID = ['name', 'access_key', 'status', 'expiry_time'];

describe('parseFieldList (--fields)', () => {
  it('keeps the order given, trims, folds case and drops repeats', () => {
    expect(parseFieldList('status, NAME ,access_key,name', VALID)).toEqual({
      fields: ['status', 'name', 'access_key'],
    });
  });

  it('names every unknown field and lists the valid ones', () => {
    expect(parseFieldList('name,accesskey,expires', VALID)).toEqual({
      error: 'unknown field "accesskey", "expires"; valid: name, access_key, status, expiry_time.',
    });
  });

  it('refuses an empty list or an empty name', () => {
    for (const text of ['', ',', 'name,,status', 'name,']) {
      expect(parseFieldList(text, VALID)).toMatchObject({
        error: expect.stringMatching(/^expected field names/),
      });
    }
  });

  it('fieldsOption throws commander’s InvalidArgumentError (exit 2)', () => {
    expect(fieldsOption(VALID)('name')).toEqual(['name']);
    expect(() => fieldsOption(VALID)('bogus')).toThrow(
      expect.objectContaining({ code: 'commander.invalidArgument', exitCode: 1 }),
    );
  });
});

describe('pickFields', () => {
  it('only the fields asked for, in that order; a missing one is null', () => {
    const record = { name: 'ci', access_key: 'AK', status: 'ACTIVE', description: 'x' };
    const picked = pickFields(record, ['status', 'name', 'expiry_time']);
    expect(picked).toEqual({ status: 'ACTIVE', name: 'ci', expiry_time: null });
    expect(Object.keys(picked)).toEqual(['status', 'name', 'expiry_time']);
  });
});

describe('the field names of key lists and key details', () => {
  it('are the JSON names: the list columns, then the other record fields', () => {
    expect(KEY_LIST_FIELDS.slice(0, 7)).toEqual([
      'name',
      'access_key',
      'type',
      'status',
      'expiry_time',
      'created_date',
      'last_access',
    ]);
    for (const field of KEY_LIST_FIELDS) expect(KEY_SHOW_FIELDS).toContain(field);
    expect(KEY_SHOW_FIELDS).toEqual(expect.arrayContaining(['owner', 'groups', 'roles']));
  });

  it('--fields picks and orders the columns; named columns are never dropped for width', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const table = keyListColumns('table', now, ['status', 'access_key', 'description']);
    expect(table.map((c) => c.header)).toEqual(['STATUS', 'ACCESS KEY', 'DESCRIPTION']);
    expect(table.map((c) => c.fit?.drop)).toEqual([undefined, undefined, undefined]);
    expect(table[1]?.fit?.keep).toBe(true);
    const tsv = keyListColumns('tsv', now, ['status', 'access_key', 'description']);
    expect(tsv.map((c) => c.header)).toEqual(['status', 'access_key', 'description']);
  });
});
