import { expect } from 'vitest';
import type { CliResult } from '../../helpers/cli.js';

export interface ErrorShape {
  exit: number;
  /** The `error:` line must match this (after the `error: ` prefix). */
  message?: RegExp;
  /** The JSON envelope's `error.code`, when the run had `--json`. */
  code?: string;
  json?: boolean;
  /** Lines allowed before the error line (a warning, the local-profile note). */
  before?: RegExp;
  /** stdout may carry data (a bulk command's per-key rows); otherwise it must be empty. */
  stdout?: 'empty' | 'json' | 'any';
}

/**
 * The failure shape of docs/cli-contract.md §6 and §8: the exit code, one `error:` line, at most
 * one `hint:` line, the JSON envelope last with `--json`, no stack trace, no HTML or raw
 * body, nothing on stdout. Returns the error message (the line without `error: `).
 */
export function expectCleanError(result: CliResult, shape: ErrorShape): string {
  const context = `exit ${result.exitCode}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
  expect(result.exitCode, context).toBe(shape.exit);
  const lines = result.stderr.trimEnd().split('\n');
  const at = lines.findIndex((l) => l.startsWith('error: '));
  expect(at, context).toBeGreaterThanOrEqual(0);
  for (const line of lines.slice(0, at)) expect(line, context).toMatch(shape.before ?? /^$/);
  const tail = lines.slice(at + 1);
  if (tail[0]?.startsWith('hint: ')) tail.shift();
  if (shape.json) {
    const envelope = JSON.parse(tail.shift() ?? 'null');
    expect(envelope?.error?.exit_code, context).toBe(shape.exit);
    if (shape.code) expect(envelope.error.code, context).toBe(shape.code);
  }
  expect(tail, `nothing after the error and hint\n${context}`).toEqual([]);
  const error = lines[at] as string;
  expect(result.stderr, context).not.toMatch(/^\s+at /m);
  expect(result.stderr.toLowerCase(), context).not.toContain('<html');
  // One readable line: no raw control characters, not a wall of text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: raw escapes are what we forbid
  expect(error, context).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(error.length, context).toBeLessThan(400);
  if (shape.message) expect(error.slice('error: '.length), context).toMatch(shape.message);
  const stdout = shape.stdout ?? (shape.json ? 'json' : 'empty');
  if (stdout === 'empty') expect(result.stdout, context).toBe('');
  if (stdout === 'json' && result.stdout !== '')
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  return error.slice('error: '.length);
}
