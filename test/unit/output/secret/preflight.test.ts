import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/core/exit-codes.js';
import { planSinks } from '../../../../src/output/secret/plan.js';
import { preflightSinks } from '../../../../src/output/secret/preflight.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helixctl-preflight-sinks-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const plan = (secretFile?: string, exec?: string[], force = false) =>
  planSinks({
    flags: { secretFile, exec, force },
    interactive: false,
    stdoutTTY: false,
    json: false,
  });
const env = { PATH: process.env.PATH ?? '' };

describe('preflightSinks', () => {
  it('accepts a plan without file or exec, a new file and a command found in PATH', async () => {
    await expect(preflightSinks(plan(), env)).resolves.toBeUndefined();
    await expect(
      preflightSinks(plan(join(dir, 'new'), [process.execPath, '-v']), env),
    ).resolves.toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an existing file without --force and a missing command, as usage errors', async () => {
    await writeFile(join(dir, 'exists'), 'x');
    await expect(preflightSinks(plan(join(dir, 'exists')), env)).rejects.toThrow(
      expect.objectContaining({ exitCode: ExitCode.USAGE }),
    );
    await expect(
      preflightSinks(plan(join(dir, 'exists'), undefined, true), env),
    ).resolves.toBeUndefined();
    await expect(
      preflightSinks(plan(undefined, ['helixctl-no-such-command']), env),
    ).rejects.toThrow(
      expect.objectContaining({
        message: 'command not found: helixctl-no-such-command',
        exitCode: ExitCode.USAGE,
      }),
    );
  });
});
