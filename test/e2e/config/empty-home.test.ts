import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli.js';

let cwd: string | undefined;
afterEach(() => {
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

it('an empty HOME is refused, and nothing is written under the current folder', async () => {
  cwd = mkdtempSync(join(tmpdir(), 'helixctl-cwd-'));
  const result = await execa(process.execPath, [BIN, '--profile', 'local', 'keys', 'list'], {
    cwd,
    env: { HOME: '', PATH: process.env.PATH ?? '' },
    extendEnv: false,
    reject: false,
  });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toMatch(/^error: cannot tell where the home folder is/);
  expect(result.stdout).toBe('');
  expect(readdirSync(cwd)).toEqual([]);
});
