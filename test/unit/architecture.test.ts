import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Enforces docs/design.md §1: who may import whom, and what may load at start-up. */

const SRC = resolve(import.meta.dirname, '../../src');
const HEAVY = [
  'ky',
  'conf',
  'clipboardy',
  'ora',
  '@inquirer/prompts',
  'cli-table3',
  'hono',
  '@hono/node-server',
  'better-sqlite3',
  'node:sqlite',
  'execa',
  '@bomb.sh/tab',
];
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  api: ['api', 'core'],
  config: ['config', 'core'],
  output: ['output', 'core'],
  emulator: ['emulator', 'core', 'api/types.ts', 'api/paths.ts'],
  cli: ['cli', 'core', 'api', 'config', 'output', 'emulator'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Static, value-level imports only: `import type` and dynamic `import()` are fine. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) specs.push(m[1] as string);
  return specs;
}

const area = (file: string) => relative(SRC, file).split('/')[0] as string;
const toTs = (from: string, spec: string) => resolve(dirname(from), spec).replace(/\.js$/, '.ts');

describe('architecture', () => {
  const all = files(SRC);

  it('keeps each area to the imports docs/design.md allows', () => {
    const violations: string[] = [];
    for (const file of all) {
      const allowed = ALLOWED[area(file)] ?? [];
      for (const spec of staticImports(file).filter((s) => s.startsWith('.'))) {
        const target = relative(SRC, toTs(file, spec));
        if (!allowed.some((a) => target === a || target.startsWith(`${a}/`))) {
          violations.push(`${relative(SRC, file)} -> ${target}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('never imports a heavy package eagerly outside the emulator', () => {
    const eager = all
      .filter((f) => area(f) !== 'emulator')
      .flatMap((f) =>
        staticImports(f)
          .filter((s) => HEAVY.includes(s))
          .map((s) => `${relative(SRC, f)}: ${s}`),
      );
    expect(eager).toEqual([]);
  });

  it('loads neither the emulator nor config/api code on the start-up path', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file).filter((s) => s.startsWith('.')))
        visit(toTs(file, spec));
    };
    visit(join(SRC, 'cli/main.ts'));
    const reached = [...seen].map((f) => relative(SRC, f));
    expect(reached.filter((f) => /^(emulator|api\/(?!types|paths)|config)\//.test(f))).toEqual([]);
  });
});
