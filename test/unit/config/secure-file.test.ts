import { chmod, mkdir, open, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPermissions, tildify } from '../../../src/config/permissions.js';
import {
  ensureSecureDir,
  readSecureJson,
  shellQuote,
  writeSecureFile,
} from '../../../src/config/secure-file.js';
import { UsageError } from '../../../src/core/errors.js';
import { ROOT_NOTE } from '../../helpers/skip.js';
import { isRoot, listDir, modeOf, rejectionOf, SK, tempDir } from './temp-dir.js';

async function withUmask<T>(mask: number, fn: () => Promise<T>): Promise<T> {
  const previous = process.umask(mask);
  try {
    return await fn();
  } finally {
    process.umask(previous);
  }
}

describe('ensureSecureDir', () => {
  it('creates the folder and missing parents 0700, whatever the umask', async () => {
    const root = await tempDir();
    const dir = join(root, 'a', 'b');
    await withUmask(0, () => ensureSecureDir(dir));
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(root, 'a'))).toBe(0o700);
  });

  it('leaves an existing folder as it is', async () => {
    const dir = await tempDir();
    await chmod(dir, 0o755);
    await ensureSecureDir(dir);
    expect(await modeOf(dir)).toBe(0o755);
  });
});

describe('writeSecureFile', () => {
  it('writes 0600 even with a permissive umask, leaving no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'credentials.json');
    await withUmask(0, () => writeSecureFile(path, '{"a":1}\n'));
    expect(await readFile(path, 'utf8')).toBe('{"a":1}\n');
    expect(await modeOf(path)).toBe(0o600);
    expect(await listDir(dir)).toEqual(['credentials.json']);
  });

  it('replaces an existing file whole, by rename, tightening its mode', async () => {
    const dir = await tempDir();
    const path = join(dir, 'tokens.json');
    const old = 'old content '.repeat(1000);
    await writeFile(path, old, { mode: 0o644 });
    const before = await stat(path);
    const reader = await open(path, 'r');
    try {
      await writeSecureFile(path, 'new');
      // A reader that had the old file open still sees all of it: the file was swapped, not rewritten.
      expect(await reader.readFile('utf8')).toBe(old);
    } finally {
      await reader.close();
    }
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await stat(path)).ino).not.toBe(before.ino);
    expect(await modeOf(path)).toBe(0o600);
    expect(await listDir(dir)).toEqual(['tokens.json']);
  });

  it('without overwrite, creates a new file but never replaces one', async () => {
    const dir = await tempDir();
    const path = join(dir, 'secret.txt');
    await writeSecureFile(path, 'first', { overwrite: false });
    expect(await modeOf(path)).toBe(0o600);
    const error = await writeSecureFile(path, 'second', { overwrite: false }).catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`${path} already exists`);
    expect(await readFile(path, 'utf8')).toBe('first');
    expect(await listDir(dir)).toEqual(['secret.txt']);
  });

  it('fails cleanly, leaving nothing behind, when the target is a folder', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'taken'));
    const error = await writeSecureFile(join(dir, 'taken'), 'x').catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/^cannot write .*taken: it is a folder \(EISDIR\)$/);
    expect(await listDir(dir)).toEqual(['taken']);
  });

  it('names a missing folder', async () => {
    const dir = await tempDir();
    const error = await writeSecureFile(join(dir, 'nope', 'f.json'), 'x').catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/its folder does not exist \(ENOENT\)$/);
  });
});

describe('readSecureJson', () => {
  it('reads JSON, and treats missing or empty as absent', async () => {
    const dir = await tempDir();
    const path = join(dir, 'c.json');
    expect(await readSecureJson(path, 'credentials file')).toBeUndefined();
    await writeFile(path, '  \n');
    expect(await readSecureJson(path, 'credentials file')).toBeUndefined();
    await writeFile(path, '{"x":[1]}');
    expect(await readSecureJson(path, 'credentials file')).toEqual({ x: [1] });
  });

  it('reports a corrupt file in one line naming it and the fix, never its content', async () => {
    const dir = await tempDir();
    const path = join(dir, 'credentials.json');
    await writeFile(path, `{"profiles": {"prod": {"secret_key": "${SK}"`);
    const error = await rejectionOf(readSecureJson(path, 'credentials file'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`credentials file ${path} is not valid JSON`);
    expect(error.hint).toBe(`fix it in an editor, or remove it: rm ${path}`);
    expect(`${error.message}${error.hint}${error.stack}`).not.toContain(SK);
  });

  it.skipIf(isRoot)(`reports an unreadable file without a stack${ROOT_NOTE}`, async () => {
    const dir = await tempDir();
    const path = join(dir, 'c.json');
    await writeFile(path, '{}', { mode: 0o000 });
    const error = await rejectionOf(readSecureJson(path, 'credentials file'));
    expect(error.message).toBe(`cannot read ${path}: permission denied (EACCES)`);
  });
});

describe('checkPermissions', () => {
  it('warns about a file others can read, with the fix', async () => {
    const home = await tempDir();
    const dir = join(home, '.config', 'helixctl');
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'credentials.json');
    await writeFile(path, '{}');
    await chmod(path, 0o644);
    expect(await checkPermissions(path, 'credentials file', home)).toBe(
      `credentials file ~/.config/helixctl/credentials.json is readable by others (mode 0644); fix with: chmod 600 ${path}`,
    );
    await chmod(path, 0o620);
    expect(await checkPermissions(path, 'credentials file', home)).toMatch(
      /is writable by others \(mode 0620\)/,
    );
    await chmod(path, 0o600);
    expect(await checkPermissions(path, 'credentials file', home)).toBeUndefined();
    await chmod(path, 0o400);
    expect(await checkPermissions(path, 'credentials file', home)).toBeUndefined();
  });

  it('warns about an open folder, and ignores what does not exist', async () => {
    const dir = await tempDir();
    await chmod(dir, 0o755);
    expect(await checkPermissions(dir, 'config folder')).toBe(
      `config folder ${dir} is readable by others (mode 0755); fix with: chmod 700 ${dir}`,
    );
    expect(await checkPermissions(join(dir, 'none'), 'token cache')).toBeUndefined();
  });

  it('shows paths safely', () => {
    expect(tildify('/home/me/.config/x', '/home/me')).toBe('~/.config/x');
    expect(tildify('/home/meme/x', '/home/me')).toBe('/home/meme/x');
    expect(shellQuote("/tmp/a b/it's")).toBe(`'/tmp/a b/it'\\''s'`);
    expect(shellQuote('/tmp/plain.json')).toBe('/tmp/plain.json');
  });
});
