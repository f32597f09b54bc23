/**
 * Secret sinks: where a newly generated credential goes (docs/cli-contract.md §7). A command
 * body plans once (`planSinks`), checks the file and command before changing anything
 * (`preflightSinks`), then hands the credential over right after the API returns it
 * (`deliverCredential` with `createSinkDeps`) and exits with the result's code.
 */
export {
  CLIPBOARD_CLEAR_WORKER,
  clipboardWorkerEnv,
  scheduleClipboardClear,
} from './clipboard-clear.js';
export { deliverCredential } from './deliver.js';
export type { DeliverDeps, DeliveryResult } from './deliver-types.js';
export { preflightExec } from './exec-preflight.js';
export {
  CREDENTIAL_ENV_NAMES,
  credentialEnv,
  EXEC_NOT_EXECUTABLE_EXIT,
  EXEC_NOT_FOUND_EXIT,
  type ExecOptions,
  type RunningExec,
  runWithCredential,
  startWithCredential,
} from './exec-sink.js';
export { preflightSecretFile } from './file-checks.js';
export { secretFileContent, writeSecretFile } from './file-sink.js';
export { escapeWorkflowData, githubMaskLines, gitlabMaskWarning } from './mask.js';
export {
  DEFAULT_CLEAR_AFTER_MS,
  MAX_CLEAR_AFTER_MS,
  type PlanInput,
  planSinks,
  type SinkFlags,
} from './plan.js';
export { preflightSinks } from './preflight.js';
export { writeSecretDir } from './secret-dir.js';
export { createSinkDeps, type SinkIo } from './sink-deps.js';
export { secretJsonFields } from './stdout-sink.js';
export type { ExecSpec, SecretJsonFields, SinkPlan } from './types.js';
