import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/core/exit-codes.js';
import { preflightSecretFile } from '../../../../src/output/secret/file-checks.js';
import { secretFileContent, writeSecretFile } from '../../../../src/output/secret/file-sink.js';

const CONTENT =
  'key:AAAABBBBCCCCDDDDEEEEFFFFGGGG12::s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3tS3CR3Tab,tenant id:1234567890\n';
const posix = process.platform !== 'win32';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helixctl-file-sink-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const usage = (message: string) => expect.objectContaining({ message, exitCode: ExitCode.USAGE });

describe('writeSecretFile', () => {
  it('creates the file with exactly the content, and leaves no temp file behind', async () => {
    const path = join(dir, 'key.cred');
    await writeSecretFile(path, CONTENT, { force: false });
    expect(await readFile(path, 'utf8')).toBe(CONTENT);
    expect(await readdir(dir)).toEqual(['key.cred']);
  });

  it.runIf(posix).each([0o022, 0o000, 0o377])(
    'makes it 0600 whatever the umask (%o)',
    async (mask) => {
      const previous = process.umask(mask);
      try {
        await writeSecretFile(join(dir, 'k'), CONTENT, { force: false });
      } finally {
        process.umask(previous);
      }
      expect((await stat(join(dir, 'k'))).mode & 0o777).toBe(0o600);
    },
  );

  it('refuses to overwrite without --force and leaves the old file untouched', async () => {
    const path = join(dir, 'key.cred');
    await writeFile(path, 'old\n');
    await expect(writeSecretFile(path, CONTENT, { force: false })).rejects.toThrow(
      usage(`refusing to overwrite ${path}: pass --force`),
    );
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await readdir(dir)).toEqual(['key.cred']);
  });

  it.runIf(posix)(
    'with --force replaces the file by rename: a new inode, the old one intact',
    async () => {
      const path = join(dir, 'key.cred');
      await writeFile(path, 'old\n', { mode: 0o644 });
      // A hard link keeps the old inode reachable: an in-place rewrite would change it too.
      await import('node:fs/promises').then((fs) => fs.link(path, join(dir, 'old-link')));
      const before = await stat(path);
      await writeSecretFile(path, CONTENT, { force: true });
      const after = await stat(path);
      expect(after.ino).not.toBe(before.ino);
      expect(after.mode & 0o777).toBe(0o600);
      expect(await readFile(path, 'utf8')).toBe(CONTENT);
      expect(await readFile(join(dir, 'old-link'), 'utf8')).toBe('old\n');
      expect((await readdir(dir)).sort()).toEqual(['key.cred', 'old-link']);
    },
  );

  it.runIf(posix).each([false, true])(
    'never writes through a symbolic link (force %s)',
    async (force) => {
      const target = join(dir, 'victim');
      await writeFile(target, 'precious\n');
      const path = join(dir, 'link');
      await symlink(target, path);
      await expect(writeSecretFile(path, CONTENT, { force })).rejects.toThrow(
        usage(`refusing to write a secret through a symbolic link: ${path}`),
      );
      expect(await readFile(target, 'utf8')).toBe('precious\n');
      expect((await lstat(path)).isSymbolicLink()).toBe(true);
    },
  );

  it.runIf(posix)(
    'refuses a dangling symbolic link (it would create the file elsewhere)',
    async () => {
      const path = join(dir, 'dangling');
      await symlink(join(dir, 'nowhere'), path);
      await expect(writeSecretFile(path, CONTENT, { force: true })).rejects.toThrow(
        usage(`refusing to write a secret through a symbolic link: ${path}`),
      );
      await expect(stat(join(dir, 'nowhere'))).rejects.toThrow();
    },
  );

  it('needs the folder to exist', async () => {
    const path = join(dir, 'missing', 'key.cred');
    await expect(writeSecretFile(path, CONTENT, { force: false })).rejects.toThrow(
      usage(`folder does not exist: ${join(dir, 'missing')}`),
    );
  });

  it('refuses when the parent is a file, or the target a folder', async () => {
    await writeFile(join(dir, 'plain'), 'x');
    await expect(
      writeSecretFile(join(dir, 'plain', 'k'), CONTENT, { force: false }),
    ).rejects.toThrow(usage(`not a folder: ${join(dir, 'plain')}`));
    await mkdir(join(dir, 'sub'));
    await expect(writeSecretFile(join(dir, 'sub'), CONTENT, { force: true })).rejects.toThrow(
      usage(`refusing to replace ${join(dir, 'sub')}: not a regular file`),
    );
  });

  it.runIf(posix && process.getuid?.() !== 0)(
    'reports a folder it may not write to as a usage error',
    async () => {
      const locked = join(dir, 'locked');
      await mkdir(locked, { mode: 0o500 });
      await expect(writeSecretFile(join(locked, 'k'), CONTENT, { force: false })).rejects.toThrow(
        usage(`permission denied writing ${join(locked, 'k')}`),
      );
    },
  );

  it('puts the copy-format credential and a newline in the file', () => {
    const cred = {
      accessKey: 'A',
      secretKey: 'S',
      tenantId: 'T',
      credential: 'key:A::S,tenant id:T',
    };
    expect(secretFileContent(cred)).toBe('key:A::S,tenant id:T\n');
  });
});

describe('preflightSecretFile', () => {
  it('accepts a new path and an existing file with --force', async () => {
    await expect(preflightSecretFile(join(dir, 'new'), { force: false })).resolves.toBeUndefined();
    await writeFile(join(dir, 'old'), 'x');
    await expect(preflightSecretFile(join(dir, 'old'), { force: true })).resolves.toBeUndefined();
  });

  it('refuses what writeSecretFile would refuse, before anything is created', async () => {
    await writeFile(join(dir, 'old'), 'x');
    await expect(preflightSecretFile(join(dir, 'old'), { force: false })).rejects.toThrow(
      usage(`refusing to overwrite ${join(dir, 'old')}: pass --force`),
    );
    await expect(preflightSecretFile(join(dir, 'no', 'k'), { force: false })).rejects.toThrow(
      usage(`folder does not exist: ${join(dir, 'no')}`),
    );
    expect(await readdir(dir)).toEqual(['old']);
  });

  it.runIf(posix && process.getuid?.() !== 0)('refuses a folder it may not write to', async () => {
    const locked = join(dir, 'locked');
    await mkdir(locked, { mode: 0o500 });
    await expect(preflightSecretFile(join(locked, 'k'), { force: false })).rejects.toThrow(
      usage(`permission denied writing ${locked}`),
    );
  });
});
