import { readFileSync } from 'node:fs';
import { type VersionInfo, versionInfo } from '../core/version-text.js';

function readJson(relative: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * package.json and dist/build-info.json, two folders up from here: from src/output/,
 * dist/output/ and dist/bundle/ alike (one small synchronous read each). The build date is
 * written by the build (scripts/bundle.js), never taken from the clock at run time.
 */
export function readVersionInfo(): VersionInfo {
  return versionInfo(readJson('../../package.json') ?? {}, readJson('../../dist/build-info.json'));
}
