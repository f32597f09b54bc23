import { readFileSync } from 'node:fs';

/** The package version, read from package.json next to dist/ (one small synchronous read). */
export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}
