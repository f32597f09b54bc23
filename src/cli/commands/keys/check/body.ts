import { formatDuration } from '../../../../core/duration-format.js';
import { ExitCode } from '../../../../core/exit-codes.js';
import { describeExpiry, isExpiringWithin } from '../../../../core/expiry-state.js';
import { isLive } from '../../../../core/key-lifecycle.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import { accessibleKeys } from '../../../runtime/key-source.js';
import { printKeyList } from '../shared/print-key-list.js';
import { compareKeys } from '../shared/sort-keys.js';
import { utcText } from '../shared/utc-text.js';
import type { KeysCheckOptions } from './options.js';

/**
 * `keys check [--within 2d]`: the visible keys already expired or expiring within the window,
 * soonest first. Exit 10 when there is any, so a cron job or CI step fails loudly. Keys
 * retiring after a grace rotation are listed apart on stderr and never count.
 */
export async function keysCheck(options: KeysCheckOptions, ctx: CommandContext): Promise<number> {
  const conn = await ctx.connection();
  const now = ctx.now();
  const window = formatDuration(options.withinMs);
  const retiring: AccessKeyRecord[] = [];
  const due = await withSpinner(
    ctx.printer,
    'Checking key expiry',
    async () => {
      // Only the matches are held: a tenant of 10,000 keys is read one page at a time.
      const found: AccessKeyRecord[] = [];
      for await (const record of accessibleKeys(conn)) {
        // A retiring key ends on purpose: listed apart, never a problem (README "Key lifecycle").
        if (!isLive(record)) retiring.push(record);
        else if (isExpiringWithin(record, now, options.withinMs)) found.push(record);
      }
      return found.sort(compareKeys('expires', false));
    },
    { successText: false },
  );
  for (const record of retiring) {
    const state = describeExpiry(record, now);
    const ends = state.at ? `ends ${utcText(state.at)}` : 'ends with its grace';
    const done = state.state === 'expired' ? ', grace over: keys delete --expired removes it' : '';
    ctx.printer.info(`retiring, ${ends}${done}: "${record.name}" (${record.access_key})`);
  }
  await printKeyList(ctx.printer, due, now, `no keys expire within ${window}`);
  if (due.length === 0) {
    // The table mode said it already (the empty-list message); the other modes say it here.
    if (ctx.printer.mode !== 'table') ctx.printer.info(`no keys expire within ${window}`);
    return ExitCode.OK;
  }
  const expired = due.filter((r) => describeExpiry(r, now).state === 'expired').length;
  ctx.printer.warn(
    `${due.length} key${due.length === 1 ? '' : 's'} expired or expiring within ${window} (${expired} already expired)`,
  );
  return ExitCode.KEYS_EXPIRING;
}
