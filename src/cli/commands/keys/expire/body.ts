import { describeExpiry } from '../../../../core/expiry-state.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { Column } from '../../../../output/columns.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import { askExpiry } from '../shared/ask-expiry.js';
import { jsonExpiry } from '../shared/key-columns.js';
import { reportDryRun } from '../shared/report-dry-run.js';
import { resolveKey } from '../shared/resolve-key.js';
import { expiryText } from '../shared/time-text.js';
import type { KeysExpireOptions } from './options.js';
import {
  type ExpirePlan,
  expiryGiven,
  planChosenExpiry,
  planExpiry,
  requireExpiryWithoutPrompt,
} from './plan.js';

type ExpiryChange = {
  access_key: string;
  name: string;
  old_expiry_time: string | null;
  new_expiry_time: string | null;
};

/**
 * `keys expire <key> (--in | --on | --never)`: sets the expiry, extending expired keys too.
 * With none of them, a terminal offers a short list (30/60/90 days, a date, never).
 */
export async function keysExpire(options: KeysExpireOptions, ctx: CommandContext): Promise<number> {
  const { printer } = ctx;
  // Validated before any request: a date in the past is exit 2 without touching the network.
  requireExpiryWithoutPrompt(options, ctx.interactive);
  const given = expiryGiven(options) ? planExpiry(options, ctx.now()) : undefined;
  const conn = await ctx.connection();
  const record = await resolveKey(conn, options.key);
  // Asked once the key is known: a typo in its name costs no question.
  const plan =
    given ??
    planChosenExpiry(await askExpiry(ctx.prompter, () => ctx.now(), '--in, --on or --never'));
  const now = ctx.now();
  const change: ExpiryChange = {
    access_key: record.access_key,
    name: record.name,
    old_expiry_time: jsonExpiry(record),
    new_expiry_time: jsonExpiry({ expiry_time: plan.expiryTime }),
  };
  if (plan.expiryTime === null) printer.warn('a key that never expires is not recommended');
  const label = `${quoteForMessage(record.name)} (${record.access_key})`;
  if (options.dryRun) {
    reportDryRun(printer, 'expire', change, [
      `would change the expiry of key ${label}`,
      `old expiry: ${expiryText({ expiry_time: change.old_expiry_time }, now)}`,
      `new expiry: ${expiryText({ expiry_time: change.new_expiry_time }, now)}`,
    ]);
    return 0;
  }
  const updated = await conn.client.updateKey(record.access_key, plan.body);
  change.new_expiry_time = jsonExpiry(updated);
  printChange(ctx, change, record, updated, plan);
  return 0;
}

const wire = (time: string | null) => time ?? 'never';

/** TSV carries the values json prints (RFC 3339 UTC), as `keys list` does, for scripts. */
const WIRE_FIELDS: Column<ExpiryChange>[] = [
  { header: 'access_key', value: 'access_key' },
  { header: 'name', value: 'name' },
  { header: 'old_expiry_time', value: (c) => wire(c.old_expiry_time) },
  { header: 'new_expiry_time', value: (c) => wire(c.new_expiry_time) },
];

function humanFields(now: Date): Column<ExpiryChange>[] {
  return [
    { header: 'Key', value: (c) => `${c.name} (${c.access_key})` },
    { header: 'Old expiry', value: (c) => expiryText({ expiry_time: c.old_expiry_time }, now) },
    { header: 'New expiry', value: (c) => expiryText({ expiry_time: c.new_expiry_time }, now) },
  ];
}

function printChange(
  ctx: CommandContext,
  change: ExpiryChange,
  before: AccessKeyRecord,
  after: AccessKeyRecord,
  plan: ExpirePlan,
): void {
  const { printer } = ctx;
  const now = ctx.now();
  printer.result(
    () => change,
    () => {
      printer.record(change, printer.mode === 'tsv' ? WIRE_FIELDS : humanFields(now));
      const revived = describeExpiry(before, now).state === 'expired' && after.status === 'ACTIVE';
      const note = revived ? ': it had expired and works again' : '';
      printer.success(`expiry of key ${quoteForMessage(change.name)} updated${note}`);
      if (plan.note !== undefined && change.new_expiry_time !== null) {
        printer.info(`expires ${change.new_expiry_time} (${plan.note})`);
      }
      if (after.status === 'INACTIVE') {
        printer.info(
          `the key is inactive: switch it on with: helixctl keys activate ${after.access_key}`,
        );
      }
    },
  );
}
