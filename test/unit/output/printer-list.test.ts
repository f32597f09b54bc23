import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../../src/output/columns.js';
import { createPrinter } from '../../../src/output/printer.js';
import { ESC, fakeIo } from '../../helpers/fake-io.js';

interface Row {
  name: string;
  access_key: string;
  status: string;
  description?: string | undefined;
  groups?: string[];
}

/** An env that turns colour off, for byte-exact expectations. */
const PLAIN = { NO_COLOR: '1' };

const rows: Row[] = [
  { name: 'deploy', access_key: 'AKDEPLOY01', status: 'ACTIVE', groups: ['ops', 'ci'] },
  { name: 'ci\tbot\nx', access_key: 'AKCIBOT002', status: 'INACTIVE', description: 'a\\b' },
];

const columns: Column<Row>[] = [
  { header: 'NAME', value: 'name' },
  { header: 'ACCESS KEY', value: 'access_key' },
  { header: 'STATUS', value: 'status', style: (text, _row, chalk) => chalk.green(text) },
  { header: 'GROUPS', value: (row) => row.groups },
];

describe('printer.list', () => {
  it('json: the records array exactly as given, not the column projection', async () => {
    const io = fakeIo();
    await createPrinter({ io, mode: 'json' }).list(rows, columns);
    expect(JSON.parse(io.out())).toEqual(rows);
    expect(io.out().trimEnd().split('\n')).toHaveLength(1);
  });

  it('json: an empty list is [] and the empty message is not printed', async () => {
    const io = fakeIo();
    await createPrinter({ io, mode: 'json' }).list([], columns, { emptyMessage: 'no keys' });
    expect(io.out()).toBe('[]\n');
    expect(io.err()).toBe('');
  });

  it('ndjson: one compact object a line', async () => {
    const io = fakeIo({ stdoutTTY: true });
    await createPrinter({ io, mode: 'ndjson' }).list(rows, columns);
    const lines = io.out().trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(rows);
  });

  it('tsv: header plus one escaped line per row', async () => {
    const io = fakeIo();
    await createPrinter({ io, mode: 'tsv' }).list(rows, columns);
    expect(io.out()).toBe(
      'NAME\tACCESS KEY\tSTATUS\tGROUPS\n' +
        'deploy\tAKDEPLOY01\tACTIVE\tops,ci\n' +
        'ci\\tbot\\nx\tAKCIBOT002\tINACTIVE\t\n',
    );
  });

  it('tsv: never coloured, even when colour is forced', async () => {
    const io = fakeIo({ stdoutTTY: true, env: { FORCE_COLOR: '1' } });
    await createPrinter({ io, mode: 'tsv' }).list(rows, columns);
    expect(io.out()).not.toContain(ESC);
  });

  it('tsv: an empty list is just the header', async () => {
    const io = fakeIo();
    await createPrinter({ io, mode: 'tsv' }).list([], columns, { emptyMessage: 'no keys' });
    expect(io.out()).toBe('NAME\tACCESS KEY\tSTATUS\tGROUPS\n');
  });

  it('table: aligned columns, escaped cells, no trailing spaces', async () => {
    const io = fakeIo({ stdoutTTY: true, env: PLAIN });
    await createPrinter({ io, mode: 'table' }).list(rows, columns);
    expect(io.out()).toBe(
      'NAME        ACCESS KEY  STATUS    GROUPS\n' +
        'deploy      AKDEPLOY01  ACTIVE    ops,ci\n' +
        'ci\\tbot\\nx  AKCIBOT002  INACTIVE\n',
    );
  });

  it('table: colours only when stdout can take it', async () => {
    const io = fakeIo({ stdoutTTY: true, env: { TERM: 'xterm' } });
    await createPrinter({ io, mode: 'table' }).list(rows, columns);
    expect(io.out()).toContain(`${ESC}[32mACTIVE`);
    const plain = fakeIo({ stdoutTTY: true, env: { NO_COLOR: '1' } });
    await createPrinter({ io: plain, mode: 'table' }).list(rows, columns);
    expect(plain.out()).not.toContain(ESC);
    expect(stripVTControlCharacters(io.out())).toBe(plain.out());
  });

  it('table: a key name holding an escape sequence cannot clear the screen', async () => {
    const io = fakeIo({ stdoutTTY: true, env: { FORCE_COLOR: '1' } });
    const evil = [{ name: `${ESC}[2J${ESC}[H`, access_key: 'AK\u009b2J', status: 'ACTIVE' }];
    await createPrinter({ io, mode: 'table' }).list(evil, columns);
    // Remove only the styling we added ourselves; anything else left is an injected sequence.
    const ours = ['[1m', '[22m', '[32m', '[39m'].map((code) => `${ESC}${code}`);
    const visible = ours.reduce((text, code) => text.replaceAll(code, ''), io.out());
    expect(visible).not.toContain(ESC);
    expect(visible).not.toContain('\u009b');
    expect(visible).toContain('\\x1b[2J\\x1b[H');
  });

  it('table: fits a narrow terminal by truncating the widest column with …', async () => {
    const io = fakeIo({ stdoutTTY: true, columns: 50, env: { TERM: 'xterm' } });
    const long = [{ name: 'n', access_key: 'AKX', status: 'ACTIVE', description: 'd'.repeat(120) }];
    const withDescription: Column<Row>[] = [
      ...columns.slice(0, 3),
      { header: 'DESCRIPTION', value: 'description' },
    ];
    await createPrinter({ io, mode: 'table' }).list(long, withDescription);
    const lines = stripVTControlCharacters(io.out()).trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(50);
    expect(lines[1]).toMatch(/^n\s+AKX\s+ACTIVE\s+d+…$/);
  });

  it('table: an empty list says so on stderr and prints nothing on stdout', async () => {
    const io = fakeIo({ stdoutTTY: true });
    await createPrinter({ io, mode: 'table' }).list([], columns, { emptyMessage: 'no keys' });
    expect(io.out()).toBe('');
    expect(io.err()).toBe('no keys\n');
  });
});

describe('printer.record', () => {
  const key = { name: 'deploy', access_key: 'AKDEPLOY01', status: 'ACTIVE', description: '' };
  const fields: Column<typeof key>[] = [
    { header: 'Name', value: 'name' },
    { header: 'Access key', value: 'access_key' },
    { header: 'Description', value: 'description' },
    { header: 'Status', value: 'status', style: (t, _r, chalk) => chalk.green(t) },
  ];

  it('table: aligned label/value lines', () => {
    const io = fakeIo({ stdoutTTY: true, env: PLAIN });
    createPrinter({ io, mode: 'table' }).record(key, fields);
    expect(io.out()).toBe(
      'Name:         deploy\nAccess key:   AKDEPLOY01\nDescription:\nStatus:       ACTIVE\n',
    );
  });

  it('json: the object as given; ndjson: one line', () => {
    const io = fakeIo();
    createPrinter({ io, mode: 'json' }).record(key, fields);
    expect(JSON.parse(io.out())).toEqual(key);
    const nd = fakeIo({ stdoutTTY: true });
    createPrinter({ io: nd, mode: 'ndjson' }).record(key, fields);
    expect(nd.out()).toBe(`${JSON.stringify(key)}\n`);
  });

  it('tsv: a header and one row, like a list of one', () => {
    const io = fakeIo();
    createPrinter({ io, mode: 'tsv' }).record(key, fields);
    expect(io.out()).toBe('Name\tAccess key\tDescription\tStatus\ndeploy\tAKDEPLOY01\t\tACTIVE\n');
  });
});
