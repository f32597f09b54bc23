import { copyToClipboard } from '../clipboard.js';
import { scheduleClipboardClear } from './clipboard-clear.js';
import type { DeliverDeps } from './deliver-types.js';
import { startWithCredential } from './exec-sink.js';
import { writeSecretFile } from './file-sink.js';

/** What the caller provides: its streams, its warning printer, its renderers, the environment. */
export type SinkIo = Pick<
  DeliverDeps,
  'stdout' | 'stderr' | 'warn' | 'copied' | 'renderHuman' | 'renderJson' | 'env'
>;

/**
 * The real sinks behind `deliverCredential`: the system clipboard with a detached clearing
 * helper, atomic 0600 files, and a child process whose stdout is mapped to our stderr
 * (fd 2) in JSON mode.
 */
export function createSinkDeps(io: SinkIo): DeliverDeps {
  return {
    ...io,
    copy: (text) => copyToClipboard(text, io.env),
    scheduleClear: (value, afterMs) => scheduleClipboardClear(value, afterMs, io.env),
    writeFile: writeSecretFile,
    startExec: (spec, cred, { stdoutToStderr }) =>
      startWithCredential(spec, cred, {
        env: io.env,
        stdio: stdoutToStderr ? ['inherit', 2, 'inherit'] : 'inherit',
      }),
  };
}
