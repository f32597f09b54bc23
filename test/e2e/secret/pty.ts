import { type IPty, spawn } from 'node-pty';
import { BIN } from '../../helpers/cli.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what we strip
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\u001b[=>]/g;

/** What the terminal showed, without escape sequences (prompts redraw with them). */
export function screenText(raw: string): string {
  return raw.replace(ANSI, '');
}

export interface PtyRun {
  /** Everything the CLI wrote to the terminal so far (stdout and stderr share it). */
  output(): string;
  /** Resolves once the terminal shows `text` (checked on every write; no timer). */
  waitFor(text: string | RegExp): Promise<void>;
  write(keys: string): void;
  exit: Promise<number>;
  kill(): void;
}

/** How long `waitFor` waits before failing with what the screen shows. */
const WAIT_GUARD_MS = 20_000;

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\u001b[B', ctrlC: '\u0003' } as const;

/**
 * Runs the built CLI in a real pseudo-terminal (stdin, stdout and stderr are all TTYs),
 * with exactly `env`, so prompts and confirmations behave as they do for a person.
 */
export function runInPty(argv: string[], env: Record<string, string>, cwd: string): PtyRun {
  const term: IPty = spawn(process.execPath, [BIN, ...argv], {
    name: 'xterm',
    cols: 160,
    rows: 50,
    cwd,
    env,
  });
  let raw = '';
  const waiters: Array<{ test: (text: string) => boolean; done: () => void }> = [];
  const check = () => {
    const text = screenText(raw);
    for (const waiter of [...waiters]) {
      if (!waiter.test(text)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.done();
    }
  };
  term.onData((data) => {
    raw += data;
    check();
  });
  const exit = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
  return {
    output: () => screenText(raw),
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        const test = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
        void exit.then(() =>
          reject(new Error(`exited before showing ${String(text)}:\n${screenText(raw)}`)),
        );
        // A guard, not a timing assertion: fail with the screen rather than a bare timeout.
        setTimeout(
          () => reject(new Error(`never showed ${String(text)}:\n${screenText(raw)}`)),
          WAIT_GUARD_MS,
        ).unref();
        waiters.push({ test, done: resolve });
        check();
      }),
    write: (keys) => term.write(keys),
    exit,
    kill: () => {
      try {
        term.kill();
      } catch {
        // already gone
      }
    },
  };
}
