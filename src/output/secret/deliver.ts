import type { NewCredential } from '../../core/credential.js';
import { isHelixError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { assertDeliverable } from './checked.js';
import type { DeliverDeps, DeliveryResult } from './deliver-types.js';
import { execStartExitCode, type RunningExec } from './exec-sink.js';
import { secretFileContent } from './file-sink.js';
import { githubMaskLines, gitlabMaskWarning } from './mask.js';
import { StdoutSink } from './stdout-sink.js';
import type { ExecSpec, SinkPlan } from './types.js';

/**
 * Hands a new credential to the planned sinks, in an order that never loses it:
 * (a) `::add-mask::` lines under GitHub Actions, on stderr at once and on stdout right
 * before the box; (b) the file, then the clipboard (and its timed clearing); (c) stdout;
 * (d) the exec child, whose exit code becomes the result. A failed file or an exec command
 * that cannot start puts the secret on stdout instead and gives a non-zero exit code; a
 * missing clipboard is one warning, never a failure. Never rejects for a sink failure; rejects
 * (exit 7, nothing delivered) when the service's values fail `assertDeliverable`.
 */
export function deliverCredential(
  cred: NewCredential,
  plan: SinkPlan,
  deps: DeliverDeps,
): Promise<DeliveryResult> {
  // Before any sink, the mask lines included: a value outside its character set goes nowhere.
  assertDeliverable(cred);
  return new Delivery(cred, plan, deps).run();
}

class Delivery {
  private readonly deliveredTo: string[] = [];
  private readonly warnings: string[] = [];
  private readonly masks: string;
  private exitCode: number = ExitCode.OK;
  /** A sink failed: the secret goes to stdout even if it was not planned there. */
  private fallback = false;
  private readonly stdout: StdoutSink;

  constructor(
    private readonly cred: NewCredential,
    private readonly plan: SinkPlan,
    private readonly deps: DeliverDeps,
  ) {
    const lines = githubMaskLines([cred.secretKey, cred.credential], deps.env);
    this.masks = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    this.stdout = new StdoutSink(cred, deps, this.masks);
  }

  async run(): Promise<DeliveryResult> {
    if (this.masks !== '') this.deps.stderr(this.masks);
    if (this.plan.file !== undefined) await this.toFile(this.plan.file.path, this.plan.file.force);
    if (this.plan.clipboard) await this.toClipboard();
    // Human output goes before the child starts: the child shares our stdout.
    if (this.plan.stdout !== 'json') this.printBox();
    const child = this.plan.exec === undefined ? undefined : await this.startExec(this.plan.exec);
    if (this.plan.stdout === 'json') this.printJson();
    else this.printBox();
    if (child !== undefined) {
      const code = await child.exit;
      if (code !== 0) this.exitCode = code;
    }
    return { exitCode: this.exitCode, deliveredTo: this.deliveredTo, warnings: this.warnings };
  }

  private async toFile(path: string, force: boolean): Promise<void> {
    try {
      await this.deps.writeFile(path, secretFileContent(this.cred), { force });
      this.deliveredTo.push(`file:${path}`);
    } catch (error) {
      this.fail(`secret file not written: ${messageOf(error)}`, ExitCode.PARTIAL_FAILURE);
    }
  }

  private async toClipboard(): Promise<void> {
    const copied = await this.deps.copy(this.cred.credential);
    if (!copied.ok) {
      const onlySink =
        !this.plan.secretOnStdout && this.plan.file === undefined && this.plan.exec === undefined;
      this.warn(
        `clipboard unavailable: ${copied.reason}${onlySink ? '; the secret is printed on stdout instead' : ''}`,
      );
      this.fallback ||= onlySink;
      return;
    }
    this.deliveredTo.push('clipboard');
    this.deps.copied(await this.scheduleClear());
  }

  /** The delay of the clearing now scheduled, or 0 when there is none. */
  private async scheduleClear(): Promise<number> {
    if (this.plan.clearAfterMs <= 0) return 0;
    try {
      await this.deps.scheduleClear(this.cred.credential, this.plan.clearAfterMs);
      return this.plan.clearAfterMs;
    } catch (error) {
      this.warn(`the clipboard will not be cleared automatically: ${messageOf(error)}`);
      return 0;
    }
  }

  private async startExec(spec: ExecSpec): Promise<RunningExec | undefined> {
    try {
      const child = await this.deps.startExec(spec, this.cred, {
        stdoutToStderr: this.plan.stdout === 'json',
      });
      this.deliveredTo.push(`exec:${spec.command}`);
      return child;
    } catch (error) {
      this.fail(
        messageOf(error),
        isHelixError(error) ? execStartExitCode(error) : ExitCode.INTERNAL,
      );
      return undefined;
    }
  }

  private printBox(): void {
    if (!(this.plan.secretOnStdout || this.fallback)) return;
    if (this.stdout.box()) this.noteSecretOnStdout();
  }

  private printJson(): void {
    const withSecret = this.plan.secretOnStdout || this.fallback;
    if (withSecret) this.noteSecretOnStdout();
    this.stdout.json(withSecret, this.deliveredTo);
  }

  private noteSecretOnStdout(): void {
    this.deliveredTo.push('stdout');
    const gitlab = gitlabMaskWarning(this.deps.env);
    if (gitlab !== undefined) this.warn(gitlab);
  }

  private fail(message: string, exitCode: number): void {
    this.warn(`${message}; the secret is printed on stdout instead`);
    this.fallback = true;
    this.exitCode = exitCode;
  }

  private warn(message: string): void {
    this.warnings.push(message);
    this.deps.warn(message);
  }
}

/** Our sinks throw HelixErrors whose messages are safe to show; anything else stays vague. */
function messageOf(error: unknown): string {
  if (isHelixError(error)) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? `unexpected error (${code})` : 'unexpected error';
}
