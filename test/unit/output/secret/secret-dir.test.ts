import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/core/exit-codes.js';
import { writeSecretDir } from '../../../../src/output/secret/secret-dir.js';

const posix = process.platform !== 'win32';
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'helixctl-secret-dir-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeSecretDir', () => {
  it('creates the folder 0700 and one 0600 file per key, named after it', async () => {
    const dir = join(root, 'a', 'secrets');
    const first = await writeSecretDir(dir, 'AAAABBBBCCCCDDDDEEEEFFFFGGGG12', 'one\n');
    const second = await writeSecretDir(dir, 'ZZZZYYYYXXXXWWWWVVVVUUUUTTTT34', 'two\n');
    expect(first).toBe(join(dir, 'AAAABBBBCCCCDDDDEEEEFFFFGGGG12'));
    expect(await readFile(first, 'utf8')).toBe('one\n');
    expect(await readFile(second, 'utf8')).toBe('two\n');
    expect((await readdir(dir)).sort()).toEqual([
      'AAAABBBBCCCCDDDDEEEEFFFFGGGG12',
      'ZZZZYYYYXXXXWWWWVVVVUUUUTTTT34',
    ]);
    if (posix) {
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      expect((await stat(first)).mode & 0o777).toBe(0o600);
    }
  });

  it('follows the overwrite rules of --secret-file', async () => {
    await writeSecretDir(root, 'KEY1', 'old\n');
    await expect(writeSecretDir(root, 'KEY1', 'new\n')).rejects.toThrow(
      expect.objectContaining({ exitCode: ExitCode.USAGE }),
    );
    await writeSecretDir(root, 'KEY1', 'new\n', { force: true });
    expect(await readFile(join(root, 'KEY1'), 'utf8')).toBe('new\n');
  });

  it.each(['', '.', '..', '../escape', 'a/b', 'a\\b', 'nul\0'])(
    'refuses the file name %j',
    async (name) => {
      await expect(writeSecretDir(root, name, 'x\n')).rejects.toThrow(
        expect.objectContaining({ exitCode: ExitCode.USAGE }),
      );
      expect(await readdir(root)).toEqual([]);
    },
  );

  it('refuses a folder path that is a file', async () => {
    await writeFile(join(root, 'plain'), 'x');
    await expect(writeSecretDir(join(root, 'plain'), 'K', 'x\n')).rejects.toThrow(
      expect.objectContaining({
        message: `not a folder: ${join(root, 'plain')}`,
        exitCode: ExitCode.USAGE,
      }),
    );
  });
});
