import type { Env } from '../../core/env.js';
import { preflightExec } from './exec-preflight.js';
import { preflightSecretFile } from './file-checks.js';
import type { SinkPlan } from './types.js';

/**
 * Checks the planned file and exec sinks before the key is created or rotated, so that a
 * bad `--secret-file` or `--exec` is a usage error (exit 2) while nothing has changed.
 * Delivery still copes with a later failure (the path or command may change meanwhile).
 */
export async function preflightSinks(plan: SinkPlan, env: Env): Promise<void> {
  if (plan.file !== undefined)
    await preflightSecretFile(plan.file.path, { force: plan.file.force });
  if (plan.exec !== undefined) await preflightExec(plan.exec.command, env);
}
