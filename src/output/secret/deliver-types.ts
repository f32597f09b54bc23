import type { NewCredential } from '../../core/credential.js';
import type { Env } from '../../core/env.js';
import type { ClipboardResult } from '../clipboard.js';
import type { RunningExec } from './exec-sink.js';
import type { ExecSpec, SecretJsonFields } from './types.js';

/** Everything `deliverCredential` touches; `createSinkDeps` wires the real sinks. */
export interface DeliverDeps {
  stdout(text: string): void;
  stderr(text: string): void;
  /** One warning line on stderr (the caller adds its `warning:` prefix and colour). */
  warn(message: string): void;
  /**
   * The clipboard took the secret: `clearAfterMs` is the clearing actually scheduled (0 when
   * none), for the caller's notice (`copiedNotice`).
   */
  copied(clearAfterMs: number): void;
  renderHuman(cred: NewCredential): string;
  renderJson(fields: SecretJsonFields): string;
  copy(text: string): Promise<ClipboardResult>;
  scheduleClear(value: string, afterMs: number): Promise<unknown>;
  writeFile(path: string, content: string, options: { force: boolean }): Promise<void>;
  /** `stdoutToStderr`: in JSON mode the child writes to our stderr, so stdout stays one document. */
  startExec(
    spec: ExecSpec,
    cred: NewCredential,
    options: { stdoutToStderr: boolean },
  ): Promise<RunningExec>;
  env: Env;
}

export interface DeliveryResult {
  /** 0, the exec child's code, 127/126 when it could not start, 9 when the file failed. */
  exitCode: number;
  /** `file:<path>`, `clipboard`, `exec:<command>`, `stdout`, in the order they happened. */
  deliveredTo: string[];
  /** Already passed to `deps.warn`; returned for the caller's JSON or tests. */
  warnings: string[];
}
