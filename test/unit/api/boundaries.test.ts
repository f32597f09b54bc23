import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const API = join(import.meta.dirname, '../../../src/api');

async function sources(): Promise<Array<[string, string]>> {
  const names = (await readdir(API)).filter((name) => name.endsWith('.ts'));
  return Promise.all(
    names.map(async (name) => [name, await readFile(join(API, name), 'utf8')] as [string, string]),
  );
}

describe('src/api boundaries', () => {
  it('imports ky in http.ts only, and there only lazily (type imports aside)', async () => {
    for (const [name, text] of await sources()) {
      const eager = text.match(/^import\s+(?!type\b)[^;]*from\s+'ky'/gm) ?? [];
      expect(eager, name).toEqual([]);
      const lazy = text.includes("import('ky')");
      expect(lazy, name).toBe(name === 'http.ts');
      if (name !== 'http.ts') expect(text, name).not.toMatch(/from\s+'ky'/);
    }
  });

  it('uses no console and no chalk', async () => {
    for (const [name, text] of await sources()) {
      expect(text, name).not.toMatch(/\bconsole\./);
      expect(text, name).not.toMatch(/from\s+'chalk'/);
    }
  });

  it('imports only wire, core and its own modules', async () => {
    for (const [name, text] of await sources()) {
      for (const [, spec] of text.matchAll(/from\s+'(\.[^']+)'/g)) {
        expect(spec, name).toMatch(/^(\.\/[\w-]+|\.\.\/(core|wire)\/[\w-]+)\.js$/);
      }
    }
  });
});
