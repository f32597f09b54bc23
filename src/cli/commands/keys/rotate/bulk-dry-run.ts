import { join } from 'node:path';
import { keyTypeWord } from '../../../../core/key-type.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { BulkSelection } from './bulk-select.js';
import type { BulkSinks, BulkTarget } from './bulk-types.js';

/**
 * `rotate --all --dry-run`: what would be rotated or skipped, and where each secret would go.
 * Human lines on stderr; with --json one document `{dry_run: true, action: "rotate", keys}`.
 * Nothing is changed and nothing is created (not even the --secret-dir folder).
 */
export function printDryRun(
  ctx: CommandContext,
  selection: BulkSelection,
  sinks: BulkSinks,
): number {
  const { printer } = ctx;
  const keys = [
    ...selection.rotate.map((t) => entry(t, 'rotate', sinks)),
    ...selection.skipped.map((t) => entry(t, 'skip', sinks)),
  ];
  printer.result(
    () => ({ dry_run: true, action: 'rotate', count: selection.rotate.length, keys }),
    () => {
      const n = selection.rotate.length;
      printer.info(`dry run: would rotate ${n} ${n === 1 ? 'key' : 'keys'}; nothing was changed`);
      for (const key of keys) {
        const where = key.secret_file ? ` -> ${key.secret_file}` : '';
        const why = key.reason ? ` (${key.reason})` : '';
        printer.info(`  ${key.action.padEnd(6)} ${key.name}  ${key.access_key}${where}${why}`);
      }
    },
  );
  return 0;
}

function entry(target: BulkTarget, action: 'rotate' | 'skip', sinks: BulkSinks) {
  const { record } = target;
  return {
    name: record.name,
    access_key: record.access_key,
    type: keyTypeWord(record.type),
    action,
    ...(target.skipReason === undefined ? {} : { reason: target.skipReason }),
    ...(action === 'rotate' && sinks.dir !== undefined
      ? { secret_file: join(sinks.dir.path, target.fileName) }
      : {}),
  };
}

/** On a terminal, asks before anything changes; `--yes` skips it; without a terminal, no question. */
export async function confirmBulk(
  ctx: CommandContext,
  targets: readonly BulkTarget[],
): Promise<void> {
  if (!ctx.interactive || targets.length === 0) return;
  const api = targets.filter((t) => t.record.type === 'API').length;
  const n = targets.length;
  const tail =
    api === 0
      ? 'Their current secrets stop working at once'
      : api === n
        ? 'Their old access keys keep working through their grace period'
        : `The current secrets of ${n - api} stop working at once; ${api} API keys keep their old access key through the grace period`;
  await ctx.prompter.confirm({ message: `Rotate ${n} ${n === 1 ? 'key' : 'keys'}? ${tail}` });
}
