import { formatRelative } from '../../../../core/duration-format.js';
import { HelixError, isHelixError } from '../../../../core/errors.js';
import { EXPIRY_ENUM } from '../../../../core/expiry-enum.js';
import {
  plainDescription,
  RETIRING_SUFFIX,
  retiringDescription,
} from '../../../../core/key-lifecycle.js';
import { formatWireSeconds } from '../../../../core/timestamp.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { utcText } from '../shared/utc-text.js';
import type { ClonePlan } from './clone.js';

/**
 * Step (e) of `rotate --grace` (README "Key lifecycle"): the old key is marked retiring in the
 * service's own fields (name `<name> (retiring)`, a description marker naming its successor
 * and the end of its grace) and expires at now + grace. Never extends it: an old key that
 * expires sooner keeps its own expiry. A failure here leaves both keys working; the error says
 * so, and re-running the same command finishes the job.
 */
export async function retireOldKey(
  ctx: CommandContext,
  conn: Connection,
  plan: ClonePlan,
  newKey: string,
): Promise<AccessKeyRecord> {
  const { old, oldExpiresAt } = plan;
  const when = `${utcText(oldExpiresAt)} (${formatRelative(oldExpiresAt, ctx.now())})`;
  if (!plan.changesOldExpiry) {
    ctx.printer.info(`the old key ${old.access_key} already expires at ${when}: left as it is`);
  }
  try {
    const updated = await withSpinner(ctx.printer, 'Marking the old key as retiring', () =>
      conn.client.updateKey(old.access_key, {
        name: `${old.name}${RETIRING_SUFFIX}`,
        description: retiringDescription(oldExpiresAt, newKey, old.description ?? ''),
        ...(plan.changesOldExpiry
          ? { expiry_enum: EXPIRY_ENUM.CUSTOM, expiry_time: formatWireSeconds(oldExpiresAt) }
          : {}),
      }),
    );
    ctx.printer.success(
      `the old key ${old.access_key} is now "${updated.name}" and stops working at ${when}`,
    );
    return updated;
  } catch (error) {
    if (!isHelixError(error)) throw error;
    throw new HelixError(
      `the new key ${newKey} is in place, but the old key ${old.access_key} could not be set to expire: ${error.message}`,
      error.exitCode,
      error.code,
      {
        status: error.status,
        hint: `run the same rotation again: it deletes the unfinished new key ${newKey} and starts over`,
      },
    );
  }
}

/**
 * Step (f): the successor's pending marker goes, and it carries its plain description. A
 * failure here is repaired by the next run (the retiring key's marker names this successor).
 */
export async function finishSuccessor(
  ctx: CommandContext,
  conn: Connection,
  successor: AccessKeyRecord,
): Promise<AccessKeyRecord> {
  const description = plainDescription(successor.description);
  const updated = await withSpinner(ctx.printer, 'Completing the hand-over', () =>
    conn.client.updateKey(successor.access_key, {
      description: description === '' ? null : description,
    }),
  );
  return updated;
}
