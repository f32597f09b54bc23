import { tmpdir } from 'node:os';
import { RUN_TMP_VARIABLE } from './run-hygiene.js';

// setupFiles: every test file must see the run's private temp folder as os.tmpdir(), or the
// leak check of run-hygiene.ts would look at an empty folder and pass for nothing.
const runTmp = process.env[RUN_TMP_VARIABLE];
if (runTmp === undefined || tmpdir() !== runTmp) {
  throw new Error(
    `test hygiene: os.tmpdir() is ${tmpdir()}, not the run's temp folder ${runTmp ?? '(unset)'}: is test/setup/run-hygiene.ts the globalSetup?`,
  );
}
