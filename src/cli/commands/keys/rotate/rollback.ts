import type { Credential } from '../../../../core/credential.js';
import { ServiceError } from '../../../../core/errors.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { GraceOutcome } from './grace-report.js';
import { verificationFailed, verifyNewKey } from './verify.js';

/** `--verify`: logs in with the new key; on failure deletes it and throws (exit 7). */
export async function verifyOrRollBack(
  ctx: CommandContext,
  conn: Connection,
  outcome: GraceOutcome,
  credential: Credential,
): Promise<void> {
  const failure = await verifyNewKey(ctx, conn, credential);
  if (failure === undefined) {
    outcome.verified = true;
    ctx.printer.success('logged in with the new key');
    return;
  }
  await rollBack(ctx, conn, outcome, `the new key could not log in (${failure})`);
  const { old } = outcome;
  throw verificationFailed(
    `the new key ${credential.accessKey} could not log in (${failure}): it was deleted, and "${old.name}" (${old.access_key}) is unchanged`,
    'nothing needs undoing; try again once the service accepts the login',
  );
}

/** Deletes the clone; its delivered secret is void from then on, and the user is told so. */
export async function rollBack(
  ctx: CommandContext,
  conn: Connection,
  outcome: GraceOutcome,
  reason: string,
): Promise<void> {
  const { access_key: newKey } = outcome.created;
  try {
    await withSpinner(ctx.printer, 'Deleting the new key', () => conn.client.deleteKey(newKey));
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unexpected error';
    throw new ServiceError(
      `${reason}, and the new key ${newKey} could not be deleted (${why}); "${outcome.old.name}" (${outcome.old.access_key}) is unchanged`,
      { code: 'ROLLBACK_FAILED', hint: `delete it with: helixctl keys delete ${newKey}` },
    );
  }
  outcome.rolledBack = true;
  ctx.printer.warn(
    `${reason}: the new key ${newKey} was deleted; the secret delivered for it is void`,
  );
}
