import { UsageError } from '../../../../core/errors.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { KeyGroupRef, KeyRoleRef } from '../../../../wire/types.js';
import type { Named } from '../shared/directory-refs.js';
import type { KeysAssignOptions } from './options.js';

/** What one kind (groups or roles) becomes. */
export interface SetChange {
  next: Named[];
  added: Named[];
  removed: Named[];
  changed: boolean;
  /** `--remove-*` values that were not assigned: said, not an error. */
  notAssigned: Named[];
}

/** Checks the flags before anything is resolved or sent. */
export function validateAssign(options: KeysAssignOptions): void {
  const { groups, roles, removeGroups, removeRoles } = options;
  if (groups.length + roles.length + removeGroups.length + removeRoles.length === 0) {
    throw new UsageError('nothing to change', {
      hint: 'pass --group, --role, --remove-group or --remove-role (repeatable)',
    });
  }
  if (options.replace && removeGroups.length + removeRoles.length > 0) {
    throw new UsageError('--replace cannot be combined with --remove-group or --remove-role');
  }
}

export const groupRefs = (list: readonly KeyGroupRef[]): Named[] =>
  list.map((g) => ({ id: g.group_id, name: g.name }));
export const roleRefs = (list: readonly KeyRoleRef[]): Named[] =>
  list.map((r) => ({ id: r.role_id, name: r.name }));

const byName = (a: Named, b: Named) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function unique(list: readonly Named[]): Named[] {
  const seen = new Map<string, Named>();
  for (const item of list) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

/**
 * The next set of one kind. `replace` applies only to a kind that was given: `--replace
 * --group A` leaves the key with group A alone and its roles untouched.
 *
 * @throws UsageError when the same group or role is both added and removed.
 */
export function planSet(
  kind: 'group' | 'role',
  current: readonly Named[],
  add: readonly Named[],
  remove: readonly Named[],
  replace: boolean,
): SetChange {
  const clash = add.find((a) => remove.some((r) => r.id === a.id));
  if (clash)
    throw new UsageError(`${kind} ${quoteForMessage(clash.name)} is both added and removed`);
  const has = (list: readonly Named[], item: Named) => list.some((x) => x.id === item.id);
  const base = replace && add.length > 0 ? [] : current;
  const next = unique([...base.filter((c) => !has(remove, c)), ...add]).sort(byName);
  const added = next.filter((n) => !has(current, n));
  const removed = current.filter((c) => !has(next, c));
  const notAssigned = unique(remove.filter((r) => !has(current, r)));
  return { next, added, removed, changed: added.length + removed.length > 0, notAssigned };
}
