import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Harness {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the next stdout line (the harness speaks one line per event). */
  nextLine(): Promise<string>;
  /** Resolves with the exit code (or signal name), plus everything left on stdout and stderr. */
  finished: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

/** Runs a harness module with Node (process.execPath, so the Node under test) and `env` only. */
export function startHarness(script: string, env: Record<string, string>): Harness {
  const child = spawn(process.execPath, [script], { env, stdio: 'pipe' });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let stdout = '';
  let stderr = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdout += `${line}\n`;
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const finished = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((done) => child.once('close', (code, signal) => done({ code, signal, stdout, stderr })));
  return {
    child,
    finished,
    nextLine: () => {
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(line);
      return new Promise((resolve, reject) => {
        waiting.push(resolve);
        child.once('close', () => reject(new Error(`harness ended; stderr: ${stderr}`)));
      });
    },
  };
}
