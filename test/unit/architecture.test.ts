import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Enforces docs/design.md §1: who may import whom, and what may load at start-up. */

const SRC = resolve(import.meta.dirname, '../../src');
const HEAVY = [
  'ky',
  'valibot',
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
  'proxy-from-env',
  'https-proxy-agent',
  'http-proxy-agent',
];
/**
 * Modules that may import a heavy package statically (named imports let the bundle keep only
 * what is used) because nothing imports them but `import()`: valibot's whole namespace, loaded
 * dynamically, would cost ~60 ms on each command that calls the service.
 */
const LAZY_GATEWAYS: Record<string, string[]> = {
  'api/answer-schemas.ts': ['valibot'],
};
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  wire: ['wire', 'core'],
  api: ['api', 'wire', 'core'],
  config: ['config', 'core'],
  output: ['output', 'core'],
  emulator: ['emulator', 'wire', 'core'],
  cli: ['cli', 'core', 'wire', 'api', 'config', 'output', 'emulator'],
  // The library entry (`import … from 'helixctl'`): the client, its errors and the wire types.
  'index.ts': ['api', 'core', 'wire'],
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

/** Every relative import, type-only and dynamic ones included: cycles are judged on all. */
function allImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const re = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;
  const dynamic = /import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  return [...text.matchAll(re), ...text.matchAll(dynamic)].map((m) => m[1] as string);
}

/** Strongly connected groups of more than one node (Tarjan): each one is a cycle. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) found.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

function addEdge(graph: Map<string, Set<string>>, from: string, to: string): void {
  if (!graph.has(from)) graph.set(from, new Set());
  graph.get(from)?.add(to);
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
          .filter((s) => HEAVY.includes(s) && !LAZY_GATEWAYS[relative(SRC, f)]?.includes(s))
          .map((s) => `${relative(SRC, f)}: ${s}`),
      );
    expect(eager).toEqual([]);
  });

  it('loads each lazy gateway only through import()', () => {
    const eager = all.flatMap((f) =>
      staticImports(f)
        .filter((s) => s.startsWith('.') && relative(SRC, toTs(f, s)) in LAZY_GATEWAYS)
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
    expect(reached.filter((f) => /^(emulator|api|config)\//.test(f))).toEqual([]);
  });

  it('has no import cycle between files (type-only and dynamic imports included)', () => {
    const graph = new Map<string, Set<string>>();
    for (const file of all)
      for (const spec of allImports(file))
        addEdge(graph, relative(SRC, file), relative(SRC, toTs(file, spec)));
    expect(cycles(graph)).toEqual([]);
  });

  it('imports only downward between folders: the folder graph has no cycle', () => {
    // A folder that imports another and is imported back sits on two floors (docs/design.md).
    const graph = new Map<string, Set<string>>();
    for (const file of all)
      for (const spec of allImports(file)) {
        const from = dirname(relative(SRC, file));
        const to = dirname(relative(SRC, toTs(file, spec)));
        if (from !== to) addEdge(graph, from, to);
      }
    expect(cycles(graph)).toEqual([]);
  });
});
