import { type Expiry, parseExpiry } from '../../../../core/expiry.js';
import { writeStderr } from '../../../../output/io.js';
import { isJsonMode } from '../../../../output/mode.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { BulkDeliveryIo } from './bulk-deliver.js';
import { confirmBulk, printDryRun } from './bulk-dry-run.js';
import { stopOnSignal } from './bulk-interrupt.js';
import { openBulkOutput } from './bulk-output.js';
import { planBulkSinks } from './bulk-plan.js';
import { runPool } from './bulk-pool.js';
import { bulkExitCode, printSummary } from './bulk-report.js';
import { rotateOne } from './bulk-rotate-one.js';
import { preflightSecretDir } from './bulk-secret-dir.js';
import { type BulkSelection, selectTargets } from './bulk-select.js';
import type { BulkRow, BulkSinks, BulkTarget } from './bulk-types.js';
import type { KeysRotateOptions } from './options.js';
import { ownCredentialHook } from './own-credential-hook.js';

/**
 * `keys rotate --all`: rotates every key the list filters select, `options.concurrency` at a
 * time, delivering each new secret (`--secret-dir`, `--exec`, or the JSON on stdout) as soon
 * as it exists. Flags, sinks and target files are checked before the first rotation. Returns
 * 0 when nothing failed, 9 when some keys failed, or the common code when all of them failed
 * alike; 130 when a signal stopped it (rotations in progress still finish and deliver).
 */
export async function rotateAll(options: KeysRotateOptions, ctx: CommandContext): Promise<number> {
  const expires =
    options.expires === undefined ? undefined : parseExpiry(options.expires, ctx.now());
  const sinks = await planBulkSinks(options, ctx);
  const conn = await ctx.connection();
  const selection = await withSpinner(ctx.printer, 'listing keys', () =>
    selectTargets(conn, options, ctx.now()),
  );
  if (sinks.dir !== undefined) {
    await preflightSecretDir(sinks.dir, selection.rotate, { create: !options.dryRun });
  }
  if (options.dryRun) return printDryRun(ctx, selection, sinks);
  await confirmBulk(ctx, selection.rotate);
  const run = await rotateSelection(ctx, conn, selection, sinks, options.concurrency, expires);
  printSummary(ctx.printer, run.rows);
  return bulkExitCode(run.rows, run.interrupted);
}

async function rotateSelection(
  ctx: CommandContext,
  conn: Connection,
  selection: BulkSelection,
  sinks: BulkSinks,
  concurrency: number,
  expires: Expiry | undefined,
): Promise<{ rows: BulkRow[]; interrupted: boolean }> {
  const output = openBulkOutput(ctx);
  const rows: BulkRow[] = [];
  const add = (row: BulkRow) => {
    rows.push(row);
    output.add(row);
  };
  let interrupted = false;
  const release = stopOnSignal((signal) => {
    interrupted = true;
    ctx.printer.warn(`${signal}: finishing the rotations in progress; send it again to quit now`);
  });
  try {
    for (const target of selection.skipped) add(skippedRow(target, target.skipReason ?? ''));
    const io = { ...deliveryIo(ctx), adoptOwn: ownCredentialHook(ctx, conn) };
    const work = async (target: BulkTarget) =>
      add(await rotateOne(conn, target, sinks, io, ctx.now(), expires));
    // The caller's own key last and alone: the session must outlive every other rotation.
    const { others, own } = splitOwnKey(selection.rotate, conn.credential.accessKey);
    const left = await runPool(others, concurrency, work, () => interrupted);
    if (own !== undefined && interrupted) left.push(own);
    else if (own !== undefined) await work(own);
    for (const target of left) add(skippedRow(target, 'not started: the run was interrupted'));
  } finally {
    release();
    await output.finish();
  }
  return { rows, interrupted };
}

function splitOwnKey(
  targets: readonly BulkTarget[],
  own: string,
): { others: BulkTarget[]; own?: BulkTarget } {
  const mine = targets.find((t) => t.record.access_key === own);
  const others = targets.filter((t) => t !== mine);
  return mine === undefined ? { others } : { others, own: mine };
}

function skippedRow(target: BulkTarget, reason: string): BulkRow {
  const { record } = target;
  return {
    name: record.name,
    access_key: record.access_key,
    type: record.type,
    result: 'skipped',
    rotated: false,
    reason,
  };
}

function deliveryIo(ctx: CommandContext): BulkDeliveryIo {
  return {
    env: ctx.env,
    stderr: (text) => writeStderr(ctx.io, text),
    execStdout: isJsonMode(ctx.printer.mode) ? 2 : 'inherit',
  };
}
