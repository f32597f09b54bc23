import { describe, expect, it } from 'vitest';
import { formatVersion, versionInfo } from '../../../src/core/version-text.js';

describe('version text', () => {
  it('names the version and build day, then the npm package when there is no homepage', () => {
    const info = versionInfo({ name: 'helixctl', version: '0.1.0' }, { built: '2026-12-07' });
    expect(formatVersion(info)).toBe('helixctl 0.1.0 (built 2026-12-07)\nnpm package: helixctl');
  });

  it('prefers the homepage, then the repository as a web address', () => {
    const pkg = { name: 'helixctl', version: '1.2.3' };
    const build = { built: '2027-01-02' };
    expect(versionInfo({ ...pkg, homepage: 'https://example.org/helixctl' }, build).url).toBe(
      'https://example.org/helixctl',
    );
    expect(
      versionInfo({ ...pkg, repository: { url: 'git+https://github.com/o/helixctl.git' } }, build)
        .url,
    ).toBe('https://github.com/o/helixctl');
    expect(versionInfo({ ...pkg, repository: 'https://github.com/o/h' }, build).url).toBe(
      'https://github.com/o/h',
    );
    // A shorthand (`github:o/h`) or ssh address is no link a user can open: the npm name instead.
    expect(versionInfo({ ...pkg, repository: 'github:o/h' }, build).url).toBeUndefined();
  });

  it('says "unbuilt" when the build left no date (running from source)', () => {
    const info = versionInfo({ name: 'helixctl', version: '0.1.0' }, undefined);
    expect(formatVersion(info)).toBe('helixctl 0.1.0 (unbuilt)\nnpm package: helixctl');
  });
});
