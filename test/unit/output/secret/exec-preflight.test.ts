import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/core/exit-codes.js';
import { preflightExec } from '../../../../src/output/secret/exec-preflight.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helixctl-preflight-'));
  await writeFile(join(dir, 'runnable'), '#!/bin/sh\n', { mode: 0o755 });
  await writeFile(join(dir, 'plain'), '#!/bin/sh\n');
  await chmod(join(dir, 'plain'), 0o644);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.runIf(process.platform !== 'win32')('preflightExec', () => {
  it('finds a command in PATH, or at a path', async () => {
    await expect(
      preflightExec('runnable', { PATH: ['/nonexistent', dir].join(delimiter) }),
    ).resolves.toBeUndefined();
    await expect(preflightExec(join(dir, 'runnable'), {})).resolves.toBeUndefined();
    await expect(preflightExec(process.execPath, {})).resolves.toBeUndefined();
  });

  it('refuses a command that is not in PATH (nothing has been created yet: exit 2)', async () => {
    await expect(preflightExec('runnable', { PATH: '/nonexistent' })).rejects.toThrow(
      expect.objectContaining({ message: 'command not found: runnable', exitCode: ExitCode.USAGE }),
    );
    await expect(preflightExec('runnable', {})).rejects.toThrow(
      expect.objectContaining({ code: 'COMMAND_NOT_FOUND' }),
    );
    await expect(preflightExec(join(dir, 'missing'), {})).rejects.toThrow(
      expect.objectContaining({ code: 'COMMAND_NOT_FOUND' }),
    );
  });

  it('refuses a file that is not executable, and a folder', async () => {
    await expect(preflightExec('plain', { PATH: dir })).rejects.toThrow(
      expect.objectContaining({
        message: 'command is not executable: plain',
        code: 'COMMAND_NOT_EXECUTABLE',
      }),
    );
    await expect(preflightExec(dir, {})).rejects.toThrow(
      expect.objectContaining({ code: 'COMMAND_NOT_FOUND' }),
    );
  });

  it('skips a non-executable match when a later PATH entry has a runnable one', async () => {
    const other = await mkdtemp(join(tmpdir(), 'helixctl-preflight-b-'));
    try {
      await writeFile(join(other, 'plain'), '#!/bin/sh\n', { mode: 0o755 });
      await expect(
        preflightExec('plain', { PATH: [dir, other].join(delimiter) }),
      ).resolves.toBeUndefined();
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
