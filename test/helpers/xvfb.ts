import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');

function inPath(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, name);
    if (folder !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Xvfb tests run wherever Xvfb exists, and must not be skipped silently on CI. */
export const XVFB_AVAILABLE = process.platform === 'linux' && inPath('Xvfb') !== undefined;
export const SKIP_XVFB = !XVFB_AVAILABLE && !process.env.CI;
/** The title suffix of a test skipped for want of Xvfb (test/helpers/skip.ts). */
export const XVFB_NOTE = SKIP_XVFB ? ' (skipped: xvfb not installed)' : '';

export interface Display {
  /** `:<n>`, for DISPLAY. */
  readonly display: string;
  /**
   * A temp HOME for the processes a test runs on this display: xsel, once it forks to own
   * the selection, logs into `$HOME/.cache/xsel.log`, which must not land in the real HOME
   * or in the temp folder itself. Removed by `stop()`.
   */
  readonly home: string;
  /** The system clipboard of that display, read with xsel (independent of our code). */
  read(): Promise<string>;
  write(text: string): Promise<void>;
  /**
   * Reads until the clipboard matches (or `timeoutMs` passes) and returns the last read: a
   * writer's xsel daemon takes the selection a moment after the writer returns, so a read at
   * once can still see the previous owner's text on a loaded machine.
   */
  settle(expected: string | RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/** apt's xsel, else the copy clipboardy ships. */
function xsel(): string {
  return inPath('xsel') ?? join(ROOT, 'node_modules/clipboardy/fallbacks/linux/xsel');
}

/**
 * Starts a private Xvfb. `-displayfd` makes the server pick a free display and write its
 * number once it accepts connections: no guessing, no sleeping.
 */
export function startXvfb(): Promise<Display> {
  const server = spawn(
    'Xvfb',
    ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '320x240x24'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((ready, fail) => {
    let number = '';
    server.once('error', fail);
    server.once('exit', (code) => fail(new Error(`Xvfb exited early (${code})`)));
    server.stdio[3]?.on('data', (chunk: Buffer) => {
      number += chunk.toString();
      if (!number.includes('\n')) return;
      server.removeAllListeners('exit');
      ready(display(server, `:${number.trim()}`));
    });
  });
}

function display(server: ChildProcess, name: string): Display {
  const home = mkdtempSync(join(tmpdir(), 'helixctl-xsel-home-'));
  const env = { PATH: process.env.PATH ?? '', HOME: home, DISPLAY: name };
  const run = promisify(execFile);
  const self: Display = {
    display: name,
    home,
    read: async () => (await run(xsel(), ['--clipboard', '--output'], { env })).stdout,
    write: async (text) => {
      await new Promise<void>((done, fail) => {
        const child = execFile(xsel(), ['--clipboard', '--input'], { env }, (error) =>
          error ? fail(error) : done(),
        );
        child.stdin?.end(text);
      });
      // Return once the selection is really ours, so the next step sees this text.
      await self.settle(text);
    },
    async settle(expected, timeoutMs = 5_000) {
      const matches = (text: string) =>
        typeof expected === 'string' ? text === expected : expected.test(text);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = (await run(xsel(), ['--clipboard', '--output'], { env })).stdout;
        if (matches(text) || Date.now() >= deadline) return text;
        await new Promise((wait) => setTimeout(wait, 50));
      }
    },
    // Killing the server also ends the xsel daemons that own its selections.
    async stop() {
      await new Promise<void>((done) => {
        if (server.exitCode !== null || server.signalCode !== null) return done();
        server.once('exit', () => done());
        server.kill('SIGTERM');
      });
      rmSync(home, { recursive: true, force: true });
    },
  };
  return self;
}
