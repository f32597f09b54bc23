import { formatRelative } from '../../../../core/duration-format.js';
import { HelixError, isHelixError } from '../../../../core/errors.js';
import { EXPIRY_ENUM } from '../../../../core/expiry-enum.js';
import { formatWireSeconds } from '../../../../core/timestamp.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { utcText } from '../shared/utc-text.js';
import type { ClonePlan } from './clone.js';

/**
 * The last step of `rotate --grace`: the old key expires at now + grace. Never extends it: an
 * old key that expires sooner keeps its own expiry. A failure here leaves both keys working;
 * the error says so and how to finish by hand, with the original exit code.
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
    return old;
  }
  try {
    const updated = await withSpinner(ctx.printer, 'Setting the old key to expire', () =>
      conn.client.updateKey(old.access_key, {
        expiry_enum: EXPIRY_ENUM.CUSTOM,
        expiry_time: formatWireSeconds(oldExpiresAt),
      }),
    );
    ctx.printer.success(`the old key ${old.access_key} now expires at ${when}`);
    return updated;
  } catch (error) {
    if (!isHelixError(error)) throw error;
    throw new HelixError(
      `the new key ${newKey} is in place, but the old key ${old.access_key} could not be set to expire: ${error.message}`,
      error.exitCode,
      error.code,
      {
        status: error.status,
        hint: `finish with: helixctl keys expire ${old.access_key} --on ${utcText(oldExpiresAt)}`,
      },
    );
  }
}
