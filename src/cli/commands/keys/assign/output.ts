import { quoteForMessage } from '../../../../core/quote.js';
import type { Column } from '../../../../output/columns.js';
import type { Printer } from '../../../../output/printer.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Named } from '../shared/directory-refs.js';
import { reportDryRun } from '../shared/report-dry-run.js';
import type { SetChange } from './plan.js';

interface Row {
  kind: 'group' | 'role';
  name: string;
  id: string;
}

const COLUMNS: Column<Row>[] = [
  { header: 'KIND', value: 'kind' },
  { header: 'NAME', value: 'name' },
  { header: 'ID', value: 'id' },
];

/**
 * `{access_key, name, groups: [{group_id, name}], roles: [{role_id, name}]}`: like every
 * single-key result, it names the key (docs/cli-contract.md §6).
 */
export function assignmentJson(record: AccessKeyRecord, groups: SetChange, roles: SetChange) {
  return {
    access_key: record.access_key,
    name: record.name,
    groups: groups.next.map((g) => ({ group_id: g.id, name: g.name })),
    roles: roles.next.map((r) => ({ role_id: r.id, name: r.name })),
  };
}

/** The key's groups and roles after the change: a table, TSV rows, or the JSON document. */
export async function printAssignment(
  printer: Printer,
  record: AccessKeyRecord,
  groups: SetChange,
  roles: SetChange,
): Promise<void> {
  await printer.result(
    () => assignmentJson(record, groups, roles),
    () => printAssignmentRows(printer, record, groups, roles),
  );
}

/** The human forms: a table or TSV rows, one per group and role. */
async function printAssignmentRows(
  printer: Printer,
  record: AccessKeyRecord,
  groups: SetChange,
  roles: SetChange,
): Promise<void> {
  const rows: Row[] = [
    ...groups.next.map((g) => ({ kind: 'group' as const, name: g.name, id: g.id })),
    ...roles.next.map((r) => ({ kind: 'role' as const, name: r.name, id: r.id })),
  ];
  const tsv = printer.mode === 'tsv';
  const columns = tsv ? COLUMNS.map((c) => ({ ...c, header: c.header.toLowerCase() })) : COLUMNS;
  await printer.list(rows, columns, {
    emptyMessage: `key ${quoteForMessage(record.name)} now has no groups and no roles`,
  });
}

const names = (list: readonly Named[]) => list.map((x) => quoteForMessage(x.name)).join(', ');

/** One line per kind that changes: `groups: + "A", - "B"`. */
export function changeLines(groups: SetChange, roles: SetChange): string[] {
  const lines: string[] = [];
  for (const [label, change] of [
    ['groups', groups],
    ['roles', roles],
  ] as const) {
    if (!change.changed) continue;
    const parts = [];
    if (change.added.length > 0) parts.push(`add ${names(change.added)}`);
    if (change.removed.length > 0) parts.push(`remove ${names(change.removed)}`);
    lines.push(`${label}: ${parts.join('; ')}`);
  }
  return lines;
}

export function reportAssignDryRun(
  printer: Printer,
  record: AccessKeyRecord,
  groups: SetChange,
  roles: SetChange,
): void {
  const label = `${quoteForMessage(record.name)} (${record.access_key})`;
  const lines = changeLines(groups, roles);
  reportDryRun(
    printer,
    'assign',
    {
      ...assignmentJson(record, groups, roles),
      changes: {
        groups_added: groups.added.map((g) => ({ group_id: g.id, name: g.name })),
        groups_removed: groups.removed.map((g) => ({ group_id: g.id, name: g.name })),
        roles_added: roles.added.map((r) => ({ role_id: r.id, name: r.name })),
        roles_removed: roles.removed.map((r) => ({ role_id: r.id, name: r.name })),
      },
    },
    lines.length > 0
      ? [`would change key ${label}`, ...lines]
      : [`key ${label} already has these groups and roles`],
  );
}
