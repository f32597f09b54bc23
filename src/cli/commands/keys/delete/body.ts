import type { Column } from '../../../../output/columns.js';
import { writeStderr } from '../../../../output/io.js';
import { isJsonMode } from '../../../../output/mode.js';
import type { Printer } from '../../../../output/printer.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import { refuseOwnKey } from '../shared/own-credential.js';
import { reportDryRun } from '../shared/report-dry-run.js';
import { type DeleteResult, deleteEach, deleteOutcome } from './delete-keys.js';
import type { KeysDeleteOptions } from './options.js';
import { deleteTargets, keyLabel } from './targets.js';

const TSV: Column<DeleteResult>[] = [
  { header: 'access_key', value: 'access_key' },
  { header: 'name', value: 'name' },
  { header: 'deleted', value: (r) => String(r.deleted) },
  { header: 'error', value: (r) => r.error?.message ?? '' },
];

/**
 * `keys delete <key>… [--expired]`: resolves every key first, refuses non-deletable ones
 * before anything is deleted, asks (or needs `--yes` without a terminal), then deletes one
 * key at a time and reports each. Exit 9 when some were deleted and some were not.
 */
export async function keysDelete(options: KeysDeleteOptions, ctx: CommandContext): Promise<number> {
  const { printer } = ctx;
  const conn = await ctx.connection();
  const targets = await deleteTargets(conn, options, ctx.now(), printer);
  if (targets.length === 0) {
    if (options.dryRun)
      reportDryRun(printer, 'delete', { keys: [] }, ['no expired keys to delete']);
    else {
      if (isJsonMode(printer.mode)) printer.json([]);
      printer.info('no expired keys to delete');
    }
    return 0;
  }
  for (const record of targets) refuseOwnKey(conn, record, 'delete', options.force === true);
  if (targets.some((r) => r.access_key === conn.credential.accessKey)) {
    printer.warn('one of these is the key helixctl is signed in with: it is deleted last');
  }
  if (options.dryRun) {
    const keys = targets.map((r) => ({ access_key: r.access_key, name: r.name }));
    reportDryRun(
      printer,
      'delete',
      { keys },
      targets.map((r) => `would delete key ${keyLabel(r)}`),
    );
    return 0;
  }
  await confirm(ctx, targets);
  const { results, errors } = await deleteEach(conn, printer, targets);
  const failure = deleteOutcome(results, errors);
  // One key that could not be deleted is a plain failure: the error line, no data on stdout.
  if (!(failure && targets.length === 1)) await printResults(printer, results);
  if (failure) throw failure;
  return 0;
}

async function confirm(ctx: CommandContext, targets: readonly AccessKeyRecord[]): Promise<void> {
  const count = targets.length === 1 ? 'key' : `${targets.length} keys`;
  if (ctx.interactive && !ctx.globals.yes) {
    // Not `info`: --quiet must not hide what the question is about.
    writeStderr(ctx.io, targets.map((r) => `  ${keyLabel(r)}\n`).join(''));
  }
  await ctx.prompter.confirm({
    message:
      targets.length === 1
        ? `Delete key ${keyLabel(targets[0] as AccessKeyRecord)}?`
        : `Delete these ${count}?`,
    what: `confirmation to delete ${count === 'key' ? 'a key' : count}`,
    default: false,
  });
}

async function printResults(printer: Printer, results: DeleteResult[]): Promise<void> {
  if (isJsonMode(printer.mode)) printer.json(results);
  else if (printer.mode === 'tsv') await printer.list(results, TSV);
}
