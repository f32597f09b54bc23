import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../../../..');

export interface CompiledSinks {
  /** Absolute path of a compiled file of src/output/secret, e.g. `clipboard-clear.js`. */
  file(name: string): string;
  /** Writes an ES module beside dist/ (it imports `./dist/output/secret/<file>.js`); returns its path. */
  script(name: string, code: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * Compiles src/output/secret (and what it imports) with the project's build settings into a
 * private folder under .cache/, so the detached clipboard helper runs as it will from dist/:
 * plain JS beside clipboard-clear.js, resolving clipboardy from our node_modules. Each test
 * file gets its own folder, so parallel files and a stale dist/ cannot interfere.
 */
export async function compileSinks(): Promise<CompiledSinks> {
  const cache = join(ROOT, '.cache');
  await mkdir(cache, { recursive: true });
  const out = await mkdtemp(join(cache, 'secret-sinks-'));
  const config = join(out, 'tsconfig.json');
  await writeFile(
    config,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.build.json'),
      compilerOptions: {
        rootDir: join(ROOT, 'src'),
        outDir: join(out, 'dist'),
        declaration: false,
      },
      include: [join(ROOT, 'src/output/secret/**/*.ts')],
    }),
  );
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', config], { cwd: ROOT });
  return {
    file: (name) => join(out, 'dist/output/secret', name),
    script: async (name, code) => {
      await writeFile(join(out, name), code);
      return join(out, name);
    },
    remove: () => rm(out, { recursive: true, force: true }),
  };
}
