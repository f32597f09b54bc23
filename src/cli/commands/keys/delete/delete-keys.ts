import { HelixError, NotFoundError, PartialFailureError } from '../../../../core/errors.js';
import type { Printer } from '../../../../output/printer.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { keyLabel } from './targets.js';

/** One key's outcome, as `keys delete --json` prints it. */
export type DeleteResult = {
  access_key: string;
  name: string;
  deleted: boolean;
  error?: { code: string; message: string };
};

/**
 * Deletes the keys one at a time and reports each as it goes. A key that is already gone
 * (404) counts as deleted: what the user asked for is true. Other failures are recorded and
 * the next key is tried; with a single key its failure is not announced here, the final
 * `error:` line says it once.
 */
export async function deleteEach(
  conn: Connection,
  printer: Printer,
  targets: readonly AccessKeyRecord[],
): Promise<{ results: DeleteResult[]; errors: HelixError[] }> {
  const results: DeleteResult[] = [];
  const errors: HelixError[] = [];
  for (const record of targets) {
    const base = { access_key: record.access_key, name: record.name };
    try {
      await conn.client.deleteKey(record.access_key);
      results.push({ ...base, deleted: true });
      printer.success(`deleted key ${keyLabel(record)}`);
    } catch (error) {
      if (error instanceof NotFoundError) {
        results.push({ ...base, deleted: true });
        printer.warn(`key ${keyLabel(record)} was already gone`);
        continue;
      }
      const failure = error instanceof HelixError ? error : unexpected(error);
      errors.push(failure);
      results.push({
        ...base,
        deleted: false,
        error: { code: failure.code, message: failure.message },
      });
      if (targets.length > 1) {
        printer.warn(`could not delete key ${keyLabel(record)}: ${failure.message}`);
      }
    }
  }
  return { results, errors };
}

function unexpected(error: unknown): HelixError {
  const message = error instanceof Error ? error.message : String(error);
  return new HelixError(message, 1, 'INTERNAL', { cause: error });
}

/**
 * The error to end with, if any: every key failed for one reason → that failure (its own exit
 * code, e.g. 4 or 6); some deleted and some not → exit 9 with the counts.
 */
export function deleteOutcome(results: readonly DeleteResult[], errors: readonly HelixError[]) {
  const [first] = errors;
  if (first === undefined) return undefined;
  const deleted = results.filter((r) => r.deleted).length;
  if (deleted === 0 && errors.every((e) => e.exitCode === first.exitCode)) return first;
  return new PartialFailureError(
    `${deleted} of ${results.length} keys deleted; ${errors.length} failed`,
    { hint: 'the failed keys are listed above; nothing was undone' },
  );
}
