/** What `helixctl version` and `--version` say, and `version --json` prints. */
export interface VersionInfo {
  name: string;
  version: string;
  /** The UTC day of the build (`YYYY-MM-DD`), from dist/build-info.json; undefined unbuilt. */
  built: string | undefined;
  /** package.json's homepage or repository; undefined when it has neither. */
  url: string | undefined;
}

export interface PackageJson {
  name?: unknown;
  version?: unknown;
  homepage?: unknown;
  repository?: unknown;
}

/** `git+https://host/x.git` and `{ url }` forms of package.json's repository, as a web URL. */
function repositoryUrl(repository: unknown): string | undefined {
  const raw =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' && repository !== null
        ? (repository as { url?: unknown }).url
        : undefined;
  if (typeof raw !== 'string' || !/^(git\+)?https:\/\//.test(raw)) return undefined;
  return raw.replace(/^git\+/, '').replace(/\.git$/, '');
}

/**
 * The package's facts and the build's date (src/output/build-info.ts reads both). The build
 * also writes formatVersion's text to dist/version.txt, which the `--version` fast path in
 * bin/helixctl.js prints; test/e2e/perf/start-up.test.ts pins that both print the same.
 */
export function versionInfo(pkg: PackageJson, build: { built?: unknown } | undefined): VersionInfo {
  const homepage = typeof pkg.homepage === 'string' ? pkg.homepage : undefined;
  return {
    name: String(pkg.name ?? 'helixctl'),
    version: String(pkg.version),
    built: typeof build?.built === 'string' ? build.built : undefined,
    url: homepage ?? repositoryUrl(pkg.repository),
  };
}

/**
 * Two lines, as `gh --version` does: `helixctl 0.1.0 (built 2026-12-07)`, then where the
 * project lives, or its npm package name when package.json names no homepage.
 */
export function formatVersion(info: VersionInfo): string {
  const built = info.built === undefined ? 'unbuilt' : `built ${info.built}`;
  const where = info.url ?? `npm package: ${info.name}`;
  return `helixctl ${info.version} (${built})\n${where}`;
}
