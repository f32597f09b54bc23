import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { BIN } from './cli.js';

/**
 * Which modules a command line of the built binary loads, through a module-log hook in a real
 * child process (test/fixtures/module-log). The binary runs dist/bundle (scripts/bundle.js):
 * each chunk it loads stands for the files its build manifest lists, so a test can still ask
 * for `commands/keys/register` or `node_modules/chalk`.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const REGISTER = resolve(ROOT, 'test/fixtures/module-log/register.mjs');

let chunks: Record<string, string[]> | undefined;

/** A logged URL or path, or for a bundle chunk the files it holds (absolute). */
function sources(entry: string): string[] {
  const chunk = /\/dist\/bundle\/([^/]+\.js)$/.exec(entry)?.[1];
  if (!chunk) return [entry];
  chunks ??= JSON.parse(readFileSync(resolve(ROOT, 'dist/bundle/modules.json'), 'utf8'));
  const held = chunks?.[chunk];
  if (!held) throw new Error(`${chunk} is not in dist/bundle/modules.json: rebuild`);
  return held.map((file) => `${ROOT}/${file}`);
}

export interface ModuleLogRun {
  exitCode: number | undefined;
  stdout: string;
  /** Every module loaded: URLs, `cjs:` paths, and the files inside loaded chunks. */
  modules: string[];
  /** What Node itself loaded, as logged: URLs (a bundle chunk is one) and `cjs:` paths. */
  files: string[];
  /** Whether any loaded module's path contains `part`. */
  has(part: string): boolean;
  /** The npm packages loaded (`commander`, `@bomb.sh/tab`...). */
  packages: Set<string>;
}

export async function runWithModuleLog(
  argv: string[],
  env: Record<string, string>,
): Promise<ModuleLogRun> {
  const dir = mkdtempSync(join(tmpdir(), 'helixctl-modules-'));
  try {
    const log = join(dir, 'modules.log');
    const result = await execa(process.execPath, ['--import', REGISTER, BIN, ...argv], {
      env: { ...env, MODULE_LOG: log },
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
    });
    const logged = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    const modules = logged.filter(Boolean).flatMap(sources);
    const packages = new Set<string>();
    for (const m of modules) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1];
      if (name) packages.add(name);
    }
    return {
      exitCode: result.exitCode,
      stdout: String(result.stdout),
      modules,
      files: logged.filter(Boolean),
      has: (part) => modules.some((m) => m.includes(part)),
      packages,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
