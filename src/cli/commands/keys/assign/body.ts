import { RuleError } from '../../../../core/errors.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { resolveAssignments } from '../shared/directory-refs.js';
import { resolveKey } from '../shared/resolve-key.js';
import type { KeysAssignOptions } from './options.js';
import { printAssignment, reportAssignDryRun } from './output.js';
import { groupRefs, planSet, roleRefs, type SetChange, validateAssign } from './plan.js';

/**
 * `keys assign <key>`: adds, removes or replaces a key's groups and roles, then prints what
 * the key has. Every name is resolved and every rule checked before the first PUT, and a set
 * that does not change is not sent.
 */
export async function keysAssign(options: KeysAssignOptions, ctx: CommandContext): Promise<number> {
  validateAssign(options);
  const { printer } = ctx;
  const conn = await ctx.connection();
  const record = await resolveKey(conn, options.key);
  refuseUserKey(record);
  const { groups, roles } = await plan(conn, record, options);
  for (const [kind, change] of [
    ['group', groups],
    ['role', roles],
  ] as const) {
    for (const item of change.notAssigned) {
      printer.warn(
        `${kind} ${quoteForMessage(item.name)} is not assigned to this key; nothing to remove`,
      );
    }
  }
  if (options.dryRun) {
    reportAssignDryRun(printer, record, groups, roles);
    return 0;
  }
  await apply(ctx, conn, record, groups, roles);
  await printAssignment(printer, record, groups, roles);
  return 0;
}

function refuseUserKey(record: AccessKeyRecord): void {
  if (record.type !== 'USER') return;
  throw new RuleError(
    `key ${quoteForMessage(record.name)} is a user key: it inherits its owner's permissions, so it takes no groups or roles of its own`,
    { hint: "change the owner's groups and roles instead", code: 'USER_KEY' },
  );
}

async function plan(conn: Connection, record: AccessKeyRecord, o: KeysAssignOptions) {
  const key = record.access_key;
  const [refs, currentGroups, currentRoles] = await Promise.all([
    resolveAssignments(conn, [...o.groups, ...o.removeGroups], [...o.roles, ...o.removeRoles]),
    conn.client.getKeyGroups(key),
    conn.client.getKeyRoles(key),
  ]);
  const split = <T>(list: T[], adds: number) => [list.slice(0, adds), list.slice(adds)] as const;
  const [addGroups, removeGroups] = split(refs.groups, o.groups.length);
  const [addRoles, removeRoles] = split(refs.roles, o.roles.length);
  return {
    groups: planSet('group', groupRefs(currentGroups), addGroups, removeGroups, o.replace),
    roles: planSet('role', roleRefs(currentRoles), addRoles, removeRoles, o.replace),
  };
}

async function apply(
  ctx: CommandContext,
  conn: Connection,
  record: AccessKeyRecord,
  groups: SetChange,
  roles: SetChange,
): Promise<void> {
  const label = quoteForMessage(record.name);
  if (!groups.changed && !roles.changed) {
    ctx.printer.info(`key ${label} already has these groups and roles; nothing changed`);
    return;
  }
  if (groups.changed) {
    await conn.client.putKeyGroups(
      record.access_key,
      groups.next.map((g) => g.id),
    );
  }
  if (roles.changed) {
    try {
      await conn.client.putKeyRoles(
        record.access_key,
        roles.next.map((r) => r.id),
      );
    } catch (error) {
      if (groups.changed)
        ctx.printer.warn(`the groups of key ${label} were changed, its roles were not`);
      throw error;
    }
  }
  ctx.printer.success(`updated the groups and roles of key ${label}`);
}
