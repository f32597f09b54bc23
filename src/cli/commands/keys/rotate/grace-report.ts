import { formatRelative } from '../../../../core/duration-format.js';
import { keyTypeWord } from '../../../../core/key-type.js';
import type { SecretJsonFields } from '../../../../output/secret/types.js';
import { imsPaths } from '../../../../wire/paths.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import { jsonExpiry, keyJson } from '../shared/key-columns.js';
import { utcText } from '../shared/utc-text.js';
import type { ClonePlan } from './clone.js';

/** How a `rotate --grace` went, filled in step by step; printed whatever happens. */
export interface GraceOutcome {
  plan: ClonePlan;
  /** The old key as it is now (after its expiry was set, when it was). */
  old: AccessKeyRecord;
  /** The new key's record (never its secret). */
  created: AccessKeyRecord;
  /** The secret's JSON fields from the delivery (the secret only if stdout was a sink). */
  fields?: SecretJsonFields;
  verified: boolean;
  rolledBack: boolean;
  /** The old key is set to stop at `plan.oldExpiresAt`. */
  retired: boolean;
}

/**
 * `{name, access_key, old, new, old_expires_at, verified, rolled_back}`: one document for both
 * outcomes. `name` and `access_key`, as on every single-key result, are the key to use from
 * now on: the new one, or the old one when the new one was rolled back.
 */
export function graceJson(outcome: GraceOutcome): Record<string, unknown> {
  const current = outcome.rolledBack ? outcome.old : outcome.created;
  return {
    name: current.name,
    access_key: current.access_key,
    old: keyJson(outcome.old),
    new: {
      ...keyJson(outcome.created),
      ...outcome.fields,
    },
    old_expires_at: outcome.retired ? utcText(outcome.plan.oldExpiresAt) : null,
    verified: outcome.verified,
    rolled_back: outcome.rolledBack,
  };
}

function cloneSummary(plan: ClonePlan) {
  return {
    name: plan.old.name,
    description: plan.old.description ?? null,
    type: keyTypeWord(plan.owner.kind === 'user' ? 'USER' : plan.old.type),
    ...plan.expiry,
    ...(plan.expiry.expiry_time === undefined ? {} : { expiry_time: jsonExpiry(plan.expiry) }),
    groups: plan.groups,
    roles: plan.roles,
    owner:
      plan.owner.kind === 'user'
        ? { kind: 'user', user_id: plan.owner.userId }
        : { kind: 'tenant' },
    method: 'POST',
    path: plan.owner.kind === 'user' ? imsPaths.userKeys(plan.owner.userId) : imsPaths.keys,
  };
}

/** `--dry-run` of `rotate --grace`: the clone, and when the old key would stop working. */
export function printGracePlan(ctx: CommandContext, plan: ClonePlan, verify: boolean): void {
  const { printer } = ctx;
  const expires = plan.changesOldExpiry ? utcText(plan.oldExpiresAt) : null;
  printer.result(
    () => ({
      dry_run: true,
      action: 'rotate_with_grace',
      key: keyJson(plan.old),
      new_key: cloneSummary(plan),
      verify,
      old_expires_at: utcText(plan.oldExpiresAt),
      changes_old_expiry: expires !== null,
    }),
    () => {
      const names = (items: { name: string }[]) => items.map((i) => i.name).join(', ') || '-';
      printer.info(
        `dry run: would replace "${plan.old.name}" (${plan.old.access_key}) with a new key`,
      );
      printer.info(`  groups: ${names(plan.groups)}; roles: ${names(plan.roles)}`);
      if (verify) printer.info('  then log in with the new key, deleting it if that fails');
      const when = `${utcText(plan.oldExpiresAt)} (${formatRelative(plan.oldExpiresAt, ctx.now())})`;
      printer.info(
        plan.changesOldExpiry
          ? `  then set the old key to expire at ${when}`
          : `  the old key already expires at ${when}: it would be left as it is`,
      );
      printer.info('nothing was changed');
    },
  );
}
