import { ExitCode } from '../../../../core/exit-codes.js';
import type { Printer } from '../../../../output/printer.js';
import type { BulkRow } from './bulk-types.js';

/**
 * The exit code of a bulk rotation: 0 when nothing failed (skipped keys are not failures),
 * 130 when a signal stopped it; when every attempted key failed for the same kind of reason
 * (all 403, all unreachable), that reason's own code, so `rotate --all` fails like `rotate`
 * would; otherwise 9, partial failure.
 */
export function bulkExitCode(rows: readonly BulkRow[], interrupted: boolean): number {
  if (interrupted) return ExitCode.CANCELLED;
  const failed = rows.filter((r) => r.result === 'failed');
  if (failed.length === 0) return ExitCode.OK;
  const attempted = rows.filter((r) => r.result !== 'skipped');
  const codes = new Set(failed.map((r) => r.error?.exit_code ?? ExitCode.PARTIAL_FAILURE));
  const [only] = codes;
  if (failed.length === attempted.length && codes.size === 1 && only !== undefined) return only;
  return ExitCode.PARTIAL_FAILURE;
}

/** One line on stderr: how many keys rotated, failed and were skipped. */
export function printSummary(printer: Printer, rows: readonly BulkRow[]): void {
  const count = (result: BulkRow['result']) => rows.filter((r) => r.result === result).length;
  const rotated = rows.filter((r) => r.rotated).length;
  const failed = count('failed');
  const skipped = count('skipped');
  const parts = [`rotated ${rotated} of ${rows.length} ${rows.length === 1 ? 'key' : 'keys'}`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (skipped > 0) parts.push(`${skipped} skipped`);
  const line = parts.join(', ');
  if (failed > 0) printer.warn(line);
  else printer.success(line);
  const lost = rows.filter((r) => r.rotated && r.result === 'failed').length;
  if (lost > 0) {
    printer.warn(
      `${lost} rotated ${lost === 1 ? 'key' : 'keys'} could not be delivered as asked: their new credentials were printed on stdout or handed to --exec`,
    );
  }
}
