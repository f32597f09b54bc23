import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { OutputMode } from '../../../src/output/mode.js';
import { createPrinter } from '../../../src/output/printer.js';
import { ESC, type FakeIoOptions, fakeIo } from '../../helpers/fake-io.js';

function setup(mode: OutputMode, options: FakeIoOptions = {}, quiet = false, debug = false) {
  const io = fakeIo(options);
  return { io, printer: createPrinter({ io, mode, quiet, debug }) };
}

describe('printer messages', () => {
  it('sends talk to stderr and keeps stdout clean', () => {
    const { io, printer } = setup('table');
    printer.info('fetching keys');
    printer.success('created deploy');
    printer.warn('expiry "never" is not recommended');
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      'fetching keys\ncreated deploy\nwarning: expiry "never" is not recommended\n',
    );
  });

  it('drops info and success with quiet, never warnings', () => {
    const { io, printer } = setup('table', {}, true);
    printer.info('a');
    printer.success('b');
    printer.warn('c');
    expect(io.err()).toBe('warning: c\n');
  });

  it('prints debug lines only when enabled, quiet or not', () => {
    const off = setup('table');
    off.printer.debug(() => {
      throw new Error('formatter must not run when debug is off');
    });
    expect(off.io.err()).toBe('');
    const on = setup('table', {}, true, true);
    on.printer.debug('GET /ims/api/v1/userinfo 200 12ms');
    on.printer.debug(() => 'lazy');
    expect(on.io.err()).toBe('debug: GET /ims/api/v1/userinfo 200 12ms\ndebug: lazy\n');
  });

  it('colours messages only on a colour-capable TTY stderr', () => {
    const on = setup('table', { stderrTTY: true, env: { TERM: 'xterm' } });
    on.printer.warn('w');
    on.printer.success('s');
    const text = on.io.err();
    expect(text).toContain(ESC);
    expect(stripVTControlCharacters(text)).toBe('warning: w\n✓ s\n');
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }, { FORCE_COLOR: '0' }]) {
      const off = setup('table', { stderrTTY: true, env });
      off.printer.warn('w');
      expect(off.io.err()).toBe('warning: w\n');
    }
    const flag = fakeIo({ stderrTTY: true });
    createPrinter({ io: flag, mode: 'table', noColor: true }).warn('w');
    expect(flag.err()).toBe('warning: w\n');
  });

  it('never colours anything in json modes, even when forced', () => {
    for (const mode of ['json', 'ndjson'] as const) {
      const { io, printer } = setup(mode, {
        stdoutTTY: true,
        stderrTTY: true,
        env: { FORCE_COLOR: '3' },
      });
      printer.warn('w');
      printer.json({ a: 1 });
      expect(io.err() + io.out()).not.toContain(ESC);
    }
  });

  it('neutralises escape sequences in every human-facing string', () => {
    const { io, printer } = setup('table', { stdoutTTY: true });
    printer.info(`key ${ESC}[2J deleted`);
    printer.warn(`bad\r${ESC}]0;title\u0007`);
    printer.data(`x${ESC}[31m`);
    expect(io.err()).toBe('key \\x1b[2J deleted\nwarning: bad\\r\\x1b]0;title\\x07\n');
    expect(io.out()).toBe('x\\x1b[31m\n');
  });
});

describe('printer.json', () => {
  it('prints one compact document when stdout is not a TTY', () => {
    const { io, printer } = setup('json');
    printer.json({ name: 'a', expiry_time: null });
    expect(io.out()).toBe('{"name":"a","expiry_time":null}\n');
  });

  it('indents on a TTY, still one parseable document', () => {
    const { io, printer } = setup('json', { stdoutTTY: true });
    printer.json({ name: `a${ESC}` });
    expect(io.out()).toBe('{\n  "name": "a\\u001b"\n}\n');
    expect(JSON.parse(io.out())).toEqual({ name: `a${ESC}` });
  });

  it('prints null for undefined rather than nothing', () => {
    const { io, printer } = setup('json');
    printer.json(undefined);
    expect(io.out()).toBe('null\n');
  });
});

describe('printer.result', () => {
  it.each(['json', 'ndjson'] as const)('prints the document in %s mode, nothing human', (mode) => {
    const { io, printer } = setup(mode);
    printer.result(
      () => ({ name: 'a' }),
      () => printer.data('human'),
    );
    expect(io.out()).toBe('{"name":"a"}\n');
  });

  it.each(['table', 'tsv'] as const)(
    'prints the human form in %s mode, never the document',
    (mode) => {
      const { io, printer } = setup(mode);
      const doc = () => {
        throw new Error('built the document');
      };
      printer.result(doc, () => printer.data('human'));
      expect(io.out()).toBe('human\n');
    },
  );
});
