import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';

/** Every regular file under `root`, relative to it. */
function filesUnder(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(root).map((path) => relative(root, path));
}

/**
 * The secret is in no file under HOME but credentials.json; the files of the config folder
 * are 0600 and the folder 0700 whenever they exist.
 */
export function expectSecretConfined(home: string, secret: string): void {
  const holding = filesUnder(home).filter((path) =>
    readFileSync(join(home, path)).includes(Buffer.from(secret)),
  );
  expect(holding.filter((path) => path !== '.config/helixctl/credentials.json')).toEqual([]);
  const dir = join(home, '.config', 'helixctl');
  const mode = (path: string) => statSync(path).mode & 0o777;
  const configFiles = filesUnder(home).filter((path) => path.startsWith('.config/helixctl/'));
  for (const path of configFiles) expect(mode(join(home, path)), path).toBe(0o600);
  if (configFiles.length > 0) expect(mode(dir)).toBe(0o700);
}
