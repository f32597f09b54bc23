import { RuleError } from '../../../../core/errors.js';
import {
  handOverLeftovers,
  interruptedHandOvers,
  lifecycleOf,
} from '../../../../core/key-lifecycle.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { utcText } from '../shared/utc-text.js';
import { finishSuccessor } from './retire.js';

/**
 * A run that died after marking the old key retiring but before clearing the successor's
 * pending marker is finished first (step (f)), so the name resolves to the successor again.
 * Returns the listing as it is now.
 */
export async function finishInterrupted(
  ctx: CommandContext,
  conn: Connection,
  ref: string,
  listed: AccessKeyRecord[],
): Promise<AccessKeyRecord[]> {
  const found = interruptedHandOvers(ref, listed);
  if (found.length === 0) return listed;
  const fixed = new Map<string, AccessKeyRecord>();
  for (const successor of found) {
    fixed.set(successor.access_key, await finishSuccessor(ctx, conn, successor));
    ctx.printer.info(
      `finished the interrupted hand-over of "${ref}" to ${successor.access_key} from an earlier run`,
    );
  }
  return listed.map((k) => fixed.get(k.access_key) ?? k);
}

/** A key in a hand-over is reached by its access key, and is not rotated again. */
export function refuseHandOverKey(record: AccessKeyRecord): void {
  const state = lifecycleOf(record);
  if (state.state === 'live') return;
  throw new RuleError(
    `key "${record.name}" (${record.access_key}) is ${state.state === 'pending' ? 'a pending successor' : 'retiring'}: it is not rotated`,
    {
      code: 'KEY_IN_HAND_OVER',
      hint:
        state.state === 'retiring'
          ? `rotate the live key instead: helixctl keys rotate ${JSON.stringify(state.baseName)}`
          : 'rotate the live key of that name instead; this one is cleaned up by the next rotation',
    },
  );
}

/**
 * Step (a) of a grace rotation: deletes the unfinished successors of `old` from an earlier
 * run and this name's retiring keys whose grace has ended (freeing a user's key slot). A
 * retiring key still within its grace is refused (exit 6) unless `force` (--replace-retiring), which ends it now.
 */
export async function clearLeftovers(
  ctx: CommandContext,
  conn: Connection,
  old: AccessKeyRecord,
  listed: readonly AccessKeyRecord[],
  options: { force: boolean; dryRun: boolean },
): Promise<void> {
  const found = handOverLeftovers(old, listed, ctx.now());
  const [live] = found.inGrace;
  if (live !== undefined && !options.force) {
    const until = lifecycleOf(live);
    const when = until.state === 'retiring' && until.until ? ` until ${utcText(until.until)}` : '';
    throw new RuleError(
      `a previous hand-over of "${old.name}" is still within its grace: ${live.access_key} keeps working${when}`,
      {
        code: 'HAND_OVER_IN_GRACE',
        hint: 'wait until its grace ends, or pass --replace-retiring to end it now (its secret stops working)',
      },
    );
  }
  const doomed: Array<[AccessKeyRecord, string]> = [
    ...found.unfinished.map((k): [AccessKeyRecord, string] => [k, 'its hand-over never completed']),
    ...found.dead.map((k): [AccessKeyRecord, string] => [k, 'its grace has ended']),
    ...found.inGrace.map((k): [AccessKeyRecord, string] => [
      k,
      '--replace-retiring ends its grace now',
    ]),
  ];
  for (const [key, why] of doomed) {
    if (options.dryRun) {
      ctx.printer.info(`dry run: would delete ${key.access_key} ("${key.name}"): ${why}`);
      continue;
    }
    await withSpinner(ctx.printer, `Deleting ${key.access_key}`, () =>
      conn.client.deleteKey(key.access_key),
    );
    ctx.printer.info(`deleted ${key.access_key} ("${key.name}"): ${why}`);
  }
}
