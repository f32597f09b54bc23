import { InputNeededError, RuleError, UsageError } from '../../../../core/errors.js';
import { classifyKeyRef } from '../../../../core/key-ref.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { tenantIdOf } from '../shared/tenant-id.js';
import type { KeysRotateOptions } from './options.js';

const FILTER_FLAGS: ReadonlyArray<readonly [keyof KeysRotateOptions, string]> = [
  ['type', '--type'],
  ['status', '--status'],
  ['expired', '--expired'],
  ['expiringWithinMs', '--expiring-within'],
  ['name', '--name'],
  ['user', '--user'],
  ['secretDir', '--secret-dir'],
];

/**
 * Flag combinations that make no sense for one key; checked before any request. Returns the
 * named key, or undefined when none was named and a terminal may ask for it; without one
 * that is exit 8 naming the argument (docs/cli-contract.md §9).
 */
export function checkRotateFlags(
  options: KeysRotateOptions,
  interactive: boolean,
): string | undefined {
  if (options.key === undefined && !interactive) {
    throw new InputNeededError(
      'the key to rotate is required: pass <key> (or --all with filters)',
      {
        hint: 'helixctl keys rotate <key>',
      },
    );
  }
  const bulkOnly = FILTER_FLAGS.find(([field]) => options[field] !== undefined);
  if (bulkOnly) throw new UsageError(`${bulkOnly[1]} goes with --all, not with a named key`);
  if (options.verify && options.graceMs === undefined) {
    throw new UsageError('--verify goes with --grace', {
      hint: 'helixctl keys rotate <key> --grace 24h --verify',
    });
  }
  return options.key;
}

function bhomRefusal(name: string, tenantId: string): RuleError {
  return new RuleError(
    `key ${quoteForMessage(name)} is managed by BMC Helix Operations Management (its name starts with "${tenantId}@"): it must never get a new secret`,
    {
      code: 'BHOM_MANAGED',
      hint: 'BHOM would lose its connection; create a key of your own with: helixctl keys add',
    },
  );
}

/**
 * Refuses a `<tenant id>@` name from the argument alone when the tenant id is known without
 * asking, so such a rotation sends no request at all.
 */
export function refuseBhomRef(conn: Connection, ref: string): void {
  const tenantId = conn.credential.tenantId;
  if (tenantId === undefined || classifyKeyRef(ref) !== 'name') return;
  if (ref.startsWith(`${tenantId}@`)) throw bhomRefusal(ref, tenantId);
}

/** Refuses a resolved key whose name starts with `<tenant id>@` (rule 5.9), before any change. */
export async function refuseBhomKey(conn: Connection, record: AccessKeyRecord): Promise<void> {
  const tenantId = await tenantIdOf(conn);
  if (record.name.startsWith(`${tenantId}@`)) throw bhomRefusal(record.name, tenantId);
}

/**
 * Asks on a terminal (unless `--yes`). Without a terminal the rotation goes ahead: asking for
 * it by name is deliberate, and CI rotates unattended (only `delete` insists on `--yes`).
 */
export async function confirmRotation(ctx: CommandContext, message: string): Promise<void> {
  if (ctx.interactive) await ctx.prompter.confirm({ message });
}
