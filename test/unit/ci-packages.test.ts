import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * .ci/packages is the one list of system packages: .ci/run installs from it, and README.md
 * "Set-up" quotes it as an apt-get line. This keeps the quote and the list equal.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

function listed(): Array<{ name: string; check: string }> {
  return read('.ci/packages')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [name = '', check = ''] = line.trim().split(/\s+/);
      return { name, check };
    });
}

describe('.ci/packages', () => {
  it('gives every package a check and a reason', () => {
    for (const line of read('.ci/packages').split('\n')) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      expect(line.trim().split(/\s+/).length, line).toBeGreaterThanOrEqual(3);
    }
  });

  it('is what the README set-up tells you to install, in the same order', () => {
    const line = read('README.md')
      .split('\n')
      .find((l) => l.startsWith('sudo apt-get install -y '));
    expect(line).toBeDefined();
    const quoted = (line ?? '').replace('sudo apt-get install -y ', '').trim().split(/\s+/);
    expect(quoted).toEqual(listed().map((p) => p.name));
  });

  it('is what .ci/run reads, and bash-completion is checked by its script file', () => {
    expect(read('.ci/run')).toContain('done <.ci/packages');
    expect(listed()).toContainEqual({
      name: 'bash-completion',
      check: '/usr/share/bash-completion/bash_completion',
    });
  });
});
