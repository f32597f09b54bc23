import { describe, expect, it } from 'vitest';
import {
  AuthError,
  CancelledError,
  DeclinedError,
  HelixError,
  NotFoundError,
  UsageError,
} from '../../../src/core/errors.js';
import { exitCodeOf, formatError } from '../../../src/output/format-error.js';
import { printError } from '../../../src/output/print-error.js';
import { createPrinter } from '../../../src/output/printer.js';
import { ESC, fakeIo } from '../../helpers/fake-io.js';

const notFound = () =>
  new NotFoundError('access key "deploy" not found', {
    status: 404,
    hint: 'run `helixctl keys list` to see your keys',
  });

describe('printError: human form', () => {
  it('prints error and hint lines on stderr only, and returns the exit code', () => {
    const io = fakeIo();
    const code = printError(createPrinter({ io, mode: 'tsv' }), notFound());
    expect(code).toBe(5);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      'error: access key "deploy" not found\nhint: run `helixctl keys list` to see your keys\n',
    );
  });

  it('omits the hint line when there is none, and never shows a stack', () => {
    const io = fakeIo();
    expect(printError(io, new AuthError('login failed'))).toBe(3);
    expect(io.err()).toBe('error: login failed\n');
  });

  it('colours the prefixes only when stderr takes colour', () => {
    const io = fakeIo({ stderrTTY: true, env: { TERM: 'xterm' } });
    printError(io, notFound());
    expect(io.err()).toContain(`${ESC}[31merror:${ESC}[39m access key`);
    expect(io.err()).toContain(`${ESC}[33mhint:${ESC}[39m run`);
    const off = fakeIo({ stderrTTY: true, env: {} });
    printError(off, notFound(), { noColor: true });
    expect(off.err()).not.toContain(ESC);
  });

  it('reports a non-HelixError as an internal error with a --debug hint', () => {
    const io = fakeIo();
    const code = printError(io, new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(code).toBe(1);
    expect(io.err()).toBe(
      "error: unexpected internal error: Cannot read properties of undefined (reading 'x')\n" +
        'hint: re-run with --debug to see the stack trace\n',
    );
  });

  it('prints the stack only with --debug, for bugs and expected errors alike', () => {
    const bug = fakeIo();
    printError(bug, new RangeError('boom', { cause: new Error('root cause') }), { debug: true });
    expect(bug.err()).toMatch(/^error: unexpected internal error: boom\n/);
    expect(bug.err()).toContain('RangeError: boom\n    at ');
    expect(bug.err()).toContain('caused by: Error: root cause');
    expect(bug.err()).toContain('please report it');
    const known = fakeIo();
    printError(known, notFound(), { debug: true });
    expect(known.err()).toContain('NotFoundError: access key "deploy" not found\n    at ');
  });

  it('handles thrown non-errors', () => {
    const io = fakeIo();
    expect(printError(io, 'a string')).toBe(1);
    expect(io.err()).toMatch(/^error: unexpected internal error: a string\n/);
  });

  it('neutralises control characters in messages and hints', () => {
    const io = fakeIo();
    printError(io, new UsageError(`no key named "${ESC}[2J"\nforged line`, { hint: `x${ESC}` }));
    expect(io.err()).toBe('error: no key named "\\x1b[2J"\\nforged line\nhint: x\\x1b\n');
  });
});

describe('printError: --json', () => {
  it('adds one JSON envelope line on stderr, with status when known', () => {
    const io = fakeIo({ stderrTTY: true, env: { FORCE_COLOR: '1' } });
    printError(io, notFound(), { json: true });
    expect(io.out()).toBe('');
    const lines = io.err().trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'error: access key "deploy" not found',
      'hint: run `helixctl keys list` to see your keys',
    ]);
    expect(JSON.parse(lines[2] ?? '')).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'access key "deploy" not found',
        status: 404,
        exit_code: 5,
        hint: 'run `helixctl keys list` to see your keys',
      },
    });
    expect(io.err()).not.toContain(ESC);
  });

  it('leaves status out when unknown, and uses the class code', () => {
    const io = fakeIo();
    printError(createPrinter({ io, mode: 'json' }), new CancelledError(), { json: true });
    const envelope = JSON.parse(io.err().trimEnd().split('\n').at(-1) ?? '');
    expect(envelope).toEqual({
      error: { code: 'CANCELLED', message: 'cancelled', exit_code: 130 },
    });
  });

  it('says a declined confirmation calmly, without `error:`, and still exits 130', () => {
    const io = fakeIo();
    const code = printError(createPrinter({ io, mode: 'table' }), new DeclinedError());
    expect(code).toBe(130);
    expect(io.err()).toBe('Cancelled: nothing was changed.\n');
  });

  it('gives bugs the INTERNAL code and exit 1', () => {
    const io = fakeIo();
    printError(io, new Error('kaput'), { json: true });
    const envelope = JSON.parse(io.err().trimEnd().split('\n').at(-1) ?? '');
    expect(envelope.error).toMatchObject({
      code: 'INTERNAL',
      message: 'unexpected internal error: kaput',
      exit_code: 1,
    });
  });

  it('honours a custom code on a HelixError', () => {
    const error = new HelixError('limit reached', 6, 'BAD_REQUEST', { code: 'KEY_LIMIT' });
    expect(formatError(error).envelope.error.code).toBe('KEY_LIMIT');
    expect(exitCodeOf(error)).toBe(6);
    expect(exitCodeOf(new Error('x'))).toBe(1);
  });
});
