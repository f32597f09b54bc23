import { type StdioOptions, spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { NewCredential } from '../../core/credential.js';
import type { Env } from '../../core/env.js';
import { HelixError, UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { forwardSignals } from './signal-forward.js';
import type { ExecSpec } from './types.js';

/** The variables `--exec` adds to the child's environment, and nothing else. */
export const CREDENTIAL_ENV_NAMES = [
  'HELIX_ACCESS_KEY',
  'HELIX_SECRET_KEY',
  'HELIX_TENANT_ID',
  'HELIX_CREDENTIAL',
] as const;

/** Shell conventions (`sh`, `env`, `xargs`) for a command that could not be run at all. */
export const EXEC_NOT_FOUND_EXIT = 127;
export const EXEC_NOT_EXECUTABLE_EXIT = 126;

export interface ExecOptions {
  /** The base environment: copied, never modified. */
  env: Env;
  /** Default `inherit`: the child's output is its own business. */
  stdio?: StdioOptions;
  /** Default true: forward SIGTERM and SIGHUP to the child and outlive Ctrl-C while it runs. */
  forwardSignals?: boolean;
}

/** A started child: `exit` resolves to its exit code, 128 + n when killed by signal n. */
export interface RunningExec {
  readonly pid: number;
  readonly exit: Promise<number>;
}

/** A copy of `base` with the four credential variables set (overriding any inherited ones). */
export function credentialEnv(cred: NewCredential, base: Env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) env[name] = value;
  env.HELIX_ACCESS_KEY = cred.accessKey;
  env.HELIX_SECRET_KEY = cred.secretKey;
  env.HELIX_TENANT_ID = cred.tenantId;
  env.HELIX_CREDENTIAL = cred.credential;
  return env;
}

/**
 * Starts `spec` with the credential in its environment only: no shell, argv exactly as
 * given, nothing secret on its command line. Resolves once the child runs; rejects with
 * UsageError code `COMMAND_NOT_FOUND` or `COMMAND_NOT_EXECUTABLE` when it cannot start.
 */
export function startWithCredential(
  spec: ExecSpec,
  cred: NewCredential,
  options: ExecOptions,
): Promise<RunningExec> {
  const child = spawn(spec.command, [...spec.args], {
    env: credentialEnv(cred, options.env),
    stdio: options.stdio ?? 'inherit',
    shell: false,
    windowsHide: true,
  });
  return new Promise((resolve, reject) => {
    // Kept for the child's life: an 'error' after 'spawn' (a failed kill) must not go unhandled.
    child.on('error', (error) => reject(startError(error, spec.command)));
    child.once('spawn', () => {
      const release = options.forwardSignals === false ? () => {} : forwardSignals(child);
      const exit = new Promise<number>((done) => {
        child.once('close', (code, signal) => {
          release();
          done(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
        });
      });
      resolve({ pid: child.pid ?? 0, exit });
    });
  });
}

/** `startWithCredential`, then waits: resolves to the child's exit code. */
export async function runWithCredential(
  spec: ExecSpec,
  cred: NewCredential,
  options: ExecOptions,
): Promise<number> {
  return (await startWithCredential(spec, cred, options)).exit;
}

/** The exit code for a child that never started (127 not found, 126 not executable). */
export function execStartExitCode(error: HelixError): number {
  if (error.code === 'COMMAND_NOT_FOUND') return EXEC_NOT_FOUND_EXIT;
  if (error.code === 'COMMAND_NOT_EXECUTABLE') return EXEC_NOT_EXECUTABLE_EXIT;
  return error.exitCode;
}

function startError(error: Error & { code?: string }, command: string): HelixError {
  const hint = 'the command after --exec -- is run without a shell and looked up in PATH';
  if (error.code === 'ENOENT')
    return new UsageError(`command not found: ${command}`, {
      code: 'COMMAND_NOT_FOUND',
      hint,
      cause: error,
    });
  if (error.code === 'EACCES')
    return new UsageError(`command is not executable: ${command}`, {
      code: 'COMMAND_NOT_EXECUTABLE',
      hint,
      cause: error,
    });
  return new HelixError(
    `could not run ${command}: ${error.code ?? 'unknown error'}`,
    ExitCode.INTERNAL,
    'EXEC_FAILED',
    { cause: error },
  );
}
