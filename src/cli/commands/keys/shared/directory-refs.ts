import { UsageError } from '../../../../core/errors.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { Group, Role } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';

/** A group or role: its id and name. */
export interface Named {
  id: string;
  name: string;
}

/**
 * Resolves `--group`/`--role` values (an id or a name) to ids, all before anything changes.
 * Names match exactly, then case-insensitively when that is unambiguous. An unknown value is a
 * usage error naming what exists, so the user can correct the command at once.
 */
export function resolveRefs(
  kind: 'group' | 'role',
  refs: readonly string[],
  known: readonly Named[],
): Named[] {
  return refs.map((ref) => {
    const exact = known.find((k) => k.id === ref || k.name === ref);
    if (exact) return exact;
    const folded = known.filter((k) => k.name.toLowerCase() === ref.toLowerCase());
    if (folded.length === 1 && folded[0]) return folded[0];
    const names = known.map((k) => k.name).slice(0, 15);
    throw new UsageError(`unknown ${kind} ${quoteForMessage(ref)}`, {
      hint: names.length > 0 ? `${kind}s: ${names.join(', ')}` : `this tenant has no ${kind}s`,
    });
  });
}

export async function tenantGroups(conn: Connection): Promise<Named[]> {
  const out: Named[] = [];
  for await (const g of conn.client.listGroups() as AsyncIterable<Group>)
    out.push({ id: g.group_id, name: g.name });
  return out;
}

export async function tenantRoles(conn: Connection): Promise<Named[]> {
  const out: Named[] = [];
  for await (const r of conn.client.listRoles() as AsyncIterable<Role>)
    out.push({ id: r.role_id, name: r.name });
  return out;
}

/** Ids for the given group and role references; lists are fetched only when needed. */
export async function resolveAssignments(
  conn: Connection,
  groups: readonly string[],
  roles: readonly string[],
): Promise<{ groups: Named[]; roles: Named[] }> {
  const [g, r] = await Promise.all([
    groups.length > 0 ? tenantGroups(conn) : Promise.resolve([]),
    roles.length > 0 ? tenantRoles(conn) : Promise.resolve([]),
  ]);
  return { groups: resolveRefs('group', groups, g), roles: resolveRefs('role', roles, r) };
}
