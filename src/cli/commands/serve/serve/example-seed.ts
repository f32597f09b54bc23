import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * examples/seed.json, shipped in the package ("files" in package.json) at its root. This
 * module runs from src/ (tests), dist/cli/... and dist/bundle/, at different depths: the
 * nearest folder up that has both package.json and the file is the package.
 */
export function readExampleSeed(): string {
  for (let up = 1; up <= 8; up++) {
    const root = new URL('../'.repeat(up), import.meta.url);
    const file = fileURLToPath(new URL('examples/seed.json', root));
    if (existsSync(fileURLToPath(new URL('package.json', root))) && existsSync(file)) {
      return readFileSync(file, 'utf8');
    }
  }
  throw new Error('examples/seed.json is missing from the package');
}
