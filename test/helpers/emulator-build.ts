import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

type Ts = typeof import('typescript');

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const CHILD = `import { serve } from './cli/commands/serve/serve/serve.js';
const options = JSON.parse(process.argv[2]);
const write = (stream) => (line) => stream.write(line + '\\n');
try {
  process.exitCode = await serve(options, { stdout: write(process.stdout), stderr: write(process.stderr) });
} catch (error) {
  process.stderr.write('error: ' + error.message + '\\n');
  process.exitCode = typeof error.exitCode === 'number' ? error.exitCode : 1;
}
`;

/**
 * Transpiles src/ into a folder under the repo's .cache (so packages resolve from
 * node_modules) for tests that need the emulator in a separate Node process, on Node 20 as on
 * 24 (Node 20 cannot run .ts). Adds `serve-child.js`, which runs `serve()` with its options
 * as a JSON argument. Returns the folder; remove it with `removeBuild`.
 */
export function buildForChildProcess(): string {
  const ts = createRequire(import.meta.url)('typescript') as Ts;
  const out = join(ROOT, '.cache', 'test-build', randomUUID());
  for (const file of sources(join(ROOT, 'src'))) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
      fileName: file,
    });
    const target = join(out, relative(join(ROOT, 'src'), file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(out, 'serve-child.js'), CHILD);
  return out;
}

export function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Sends `signal` and resolves with the exit code (or the signal name). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

const LISTENING = /^helixctl emulator listening on (http:\/\/\S+) \(db: .+\)$/;

/** Runs `serve()` in a child Node process and waits for its listening line. */
export function spawnServe(build: string, options: Record<string, unknown>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [join(build, 'serve-child.js'), JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  const lines = (sink: string[], onLine?: (line: string) => void) => {
    let rest = '';
    return (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        sink.push(line);
        onLine?.(line);
      }
    };
  };
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', lines(stdout));
    child.stderr?.on(
      'data',
      lines(stderr, (line) => {
        const url = LISTENING.exec(line)?.[1];
        if (url) {
          resolve({
            child,
            url,
            stdout,
            stderr,
            stop: (signal = 'SIGTERM') => {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
              return exited;
            },
          });
        }
      }),
    );
    void exited.then((code) =>
      reject(new Error(`serve exited (${code}) before listening: ${stderr.join(' | ')}`)),
    );
  });
}
