import type { StdioOptions } from 'node:child_process';
import type { NewCredential } from '../../../../core/credential.js';
import type { Env } from '../../../../core/env.js';
import { isHelixError } from '../../../../core/errors.js';
import { ExitCode } from '../../../../core/exit-codes.js';
import { startWithCredential } from '../../../../output/secret/exec-sink.js';
import { secretFileContent } from '../../../../output/secret/file-sink.js';
import { githubMaskLines } from '../../../../output/secret/mask.js';
import { writeSecretDir } from '../../../../output/secret/secret-dir.js';
import type { ExecSpec } from '../../../../output/secret/types.js';
import type { BulkError, BulkSinks } from './bulk-types.js';

export interface BulkDeliveryIo {
  env: Env;
  /** Raw text on stderr (the GitHub mask lines). */
  stderr(text: string): void;
  /** The exec children's stdout: our stderr (fd 2) when our stdout carries JSON. */
  execStdout: 'inherit' | 2;
  /** Stores a new secret of the caller's own key (shared/own-credential.ts); never throws. */
  adoptOwn?: (
    oldAccessKey: string,
    fresh: { accessKey: string; secretKey: string },
  ) => Promise<unknown>;
}

export interface BulkDelivery {
  deliveredTo: string[];
  secretFile?: string;
  /** The first sink that failed; the key counts as failed although it was rotated. */
  failure?: BulkError;
  /** A sink could not take the secret: stdout must carry it, or it is lost. */
  fallback: boolean;
}

/**
 * Hands one key's new credential to the bulk sinks right after its rotation: the GitHub mask
 * lines first, then `<dir>/<file>` (0600, atomic), then the exec child (its own environment
 * only, stdin closed: children run side by side). A file that cannot be written or a command
 * that cannot start sets `fallback`; a child that ran and failed is a failure without one (it
 * received the secret). Never throws: a rotated key's secret must always be accounted for.
 */
export async function deliverBulk(
  cred: NewCredential,
  fileName: string,
  sinks: BulkSinks,
  io: BulkDeliveryIo,
): Promise<BulkDelivery> {
  const masks = githubMaskLines([cred.secretKey, cred.credential], io.env);
  if (masks.length > 0) io.stderr(`${masks.join('\n')}\n`);
  const out: BulkDelivery = { deliveredTo: [], fallback: false };
  if (sinks.dir !== undefined) {
    try {
      const path = await writeSecretDir(sinks.dir.path, fileName, secretFileContent(cred), {
        force: sinks.dir.force,
      });
      out.secretFile = path;
      out.deliveredTo.push(`file:${path}`);
    } catch (error) {
      fail(out, 'DELIVERY_FAILED', `the secret file was not written: ${messageOf(error)}`, true);
    }
  }
  if (sinks.exec !== undefined) await toExec(out, sinks.exec, cred, io);
  if (sinks.stdout) out.deliveredTo.push('stdout');
  return out;
}

async function toExec(
  out: BulkDelivery,
  spec: ExecSpec,
  cred: NewCredential,
  io: BulkDeliveryIo,
): Promise<void> {
  const stdio: StdioOptions = ['ignore', io.execStdout, 'inherit'];
  try {
    const child = await startWithCredential(spec, cred, {
      env: io.env,
      stdio,
      // One bulk-level handler stops the run on Ctrl-C; the children get the terminal's SIGINT.
      forwardSignals: false,
    });
    out.deliveredTo.push(`exec:${spec.command}`);
    const code = await child.exit;
    if (code !== 0) fail(out, 'EXEC_FAILED', `${spec.command} exited with code ${code}`, false);
  } catch (error) {
    fail(out, 'DELIVERY_FAILED', messageOf(error), true);
  }
}

function fail(out: BulkDelivery, code: string, message: string, fallback: boolean): void {
  out.failure ??= { code, message: `rotated, but ${message}`, exit_code: ExitCode.PARTIAL_FAILURE };
  out.fallback ||= fallback;
}

/** Our sinks throw HelixErrors whose messages are safe to show; anything else stays vague. */
function messageOf(error: unknown): string {
  if (isHelixError(error)) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? `unexpected error (${code})` : 'unexpected error';
}
