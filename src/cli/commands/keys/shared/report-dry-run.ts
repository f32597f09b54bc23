import type { Printer } from '../../../../output/printer.js';

/**
 * Reports what a `--dry-run` would have done: the JSON document
 * `{"dry_run": true, "action": ..., ...fields}` on stdout in json modes, the human lines
 * (each prefixed `dry run:`) on stderr otherwise. Nothing has changed when this is called.
 */
export function reportDryRun(
  printer: Printer,
  action: string,
  fields: Record<string, unknown>,
  lines: readonly string[],
): void {
  printer.result(
    () => ({ dry_run: true, action, ...fields }),
    () => {
      for (const line of lines) printer.info(`dry run: ${line}`);
      printer.info('dry run: nothing was changed');
    },
  );
}
