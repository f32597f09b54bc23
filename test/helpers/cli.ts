import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { run } from '../../src/cli/run.js';
import { type FakeIoOptions, fakeIo } from './fake-io.js';

/** The built CLI: spawned tests need `npm run build` first (`npm test` does it). */
export const BIN = resolve(import.meta.dirname, '../../bin/helixctl.js');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  /** A temporary HOME with its own XDG folders; nothing of the real user's is read. */
  home: string;
  /** Environment for a CLI run in this sandbox (merge your own variables on top). */
  env: Record<string, string>;
  cleanup(): void;
}

/**
 * A fresh HOME for one test. The clipboard is off (HELIXCTL_NO_CLIPBOARD=1) unless a test
 * removes the variable and provides a DISPLAY: tests must never touch the developer's clipboard.
 */
export function sandbox(extra: Record<string, string> = {}): Sandbox {
  const home = mkdtempSync(join(tmpdir(), 'helixctl-home-'));
  const env: Record<string, string> = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HELIXCTL_NO_CLIPBOARD: '1',
    LANG: 'C.UTF-8',
    ...extra,
  };
  return { home, env, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

export interface RunCliOptions {
  env: Record<string, string | undefined>;
  /** Written to stdin, then stdin is closed. */
  stdin?: string;
  /** TTY-ness of the fake streams (all false by default, like a pipeline). */
  tty?: Pick<FakeIoOptions, 'stdinTTY' | 'stdoutTTY' | 'stderrTTY'>;
  now?: () => Date;
}

/** Runs the CLI in this process through run(), with real streams standing in for the process's. */
export async function runCli(argv: string[], options: RunCliOptions): Promise<CliResult> {
  const io = fakeIo({ env: options.env, ...options.tty });
  if (options.stdin !== undefined) io.stdin.end(options.stdin);
  const exitCode = await run(argv, { io, ...(options.now ? { now: options.now } : {}) });
  return { exitCode, stdout: io.out(), stderr: io.err() };
}

/** Spawns the built `bin/helixctl.js` with exactly the given environment. */
export async function spawnCli(
  argv: string[],
  options: { env: Record<string, string>; input?: string; timeout?: number },
): Promise<CliResult> {
  const result = await execa(process.execPath, [BIN, ...argv], {
    env: options.env,
    extendEnv: false,
    reject: false,
    timeout: options.timeout ?? 30_000,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
  });
  return {
    exitCode: result.exitCode ?? -1,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
  };
}
