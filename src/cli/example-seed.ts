import { readFileSync } from 'node:fs';

/**
 * examples/seed.json, shipped in the package ("files" in package.json) beside dist/: like
 * package.json in version.ts, it is two folders up from both dist/cli/ and dist/bundle/.
 */
export function readExampleSeed(): string {
  return readFileSync(new URL('../../examples/seed.json', import.meta.url), 'utf8');
}
