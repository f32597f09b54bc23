import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import type { Readable } from 'node:stream';

/** True when an `Xvfb` binary is on PATH. */
export function hasXvfb(): boolean {
  return spawnSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' }).status === 0;
}

export interface XServer {
  display: string;
  stop(): Promise<void>;
}

/**
 * Starts a private Xvfb. `-displayfd 3` makes Xvfb pick a free display number itself and write
 * it to fd 3 once it accepts connections: no guessing, no race, no sleep.
 */
export async function startXvfb(): Promise<XServer> {
  const child = spawn(
    'Xvfb',
    ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '640x480x24'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    let errors = '';
    child.stderr?.on('data', (chunk) => {
      errors += String(chunk);
    });
    (child.stdio[3] as Readable).on('data', (chunk) => {
      text += String(chunk);
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.trim()}`)));
  });
  return { display, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
