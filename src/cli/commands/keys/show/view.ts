import { keyTypeWord } from '../../../../core/key-type.js';
import { permissionLabel } from '../../../../core/permission-text.js';
import type { Column } from '../../../../output/columns.js';
import { styleStatus } from '../../../../output/styles.js';
import type { Rotation } from '../../../../wire/types.js';
import { keyJson } from '../shared/key-columns.js';
import type { KeyDetails, PermissionSource } from '../shared/key-details.js';
import { expiryText, whenText } from '../shared/time-text.js';

/** `keys show --json`: the key as keyJson prints it, plus its assignments and owner. */
export function detailsJson(details: KeyDetails) {
  return {
    ...keyJson(details.record),
    owner: details.owner ?? null,
    groups: details.groups.map((g) => ({ group_id: g.group_id, name: g.name })),
    roles: details.roles.map((r) => ({ role_id: r.role_id, name: r.name })),
    permissions: details.permissions,
    permission_sources: details.sources,
  };
}

/** `perm (role X, group Y)` for each permission, in the service's order. */
export function permissionsText(sources: readonly PermissionSource[]): string {
  const byPermission = new Map<string, string[]>();
  for (const s of sources) {
    const list = byPermission.get(s.permission) ?? [];
    if (s.via !== null) list.push(`${s.via} ${s.name ?? '?'}`);
    byPermission.set(s.permission, list);
  }
  const parts = [...byPermission].map(([p, from]) =>
    from.length ? `${permissionLabel(p)} (${from.join(', ')})` : permissionLabel(p),
  );
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function rotationText(rotation: Rotation | undefined, now: Date): string | undefined {
  if (rotation === undefined) return undefined;
  if (rotation.never_rotate) return 'never rotates';
  const parts = [`every ${rotation.rotation_period}d, grace ${rotation.grace_period}d`];
  if (rotation.next_rotation_date) parts.push(`next ${whenText(rotation.next_rotation_date, now)}`);
  if (rotation.last_rotation_date) parts.push(`last ${whenText(rotation.last_rotation_date, now)}`);
  if (rotation.old_rotation_key) parts.push(`previous key ${rotation.old_rotation_key} in grace`);
  return parts.join('; ');
}

function ownerText(owner: KeyDetails['owner']): string {
  if (owner === undefined) return '-';
  if (owner.login_id === undefined) return owner.user_id;
  return `${owner.full_name ?? owner.login_id} (${owner.login_id}, ${owner.user_id})`;
}

const names = (list: ReadonlyArray<{ name: string }>) =>
  list.length > 0 ? list.map((x) => x.name).join(', ') : 'none';

/** The `Label:  value` fields of the table view; rows that do not apply are left out. */
export function detailFields(details: KeyDetails, now: Date): Column<KeyDetails>[] {
  const r = details.record;
  const inherited = r.type === 'USER' ? ' (inherited from the owner)' : '';
  const fields: Array<Column<KeyDetails> | false> = [
    { header: 'Name', value: () => r.name },
    { header: 'Access key', value: () => r.access_key },
    { header: 'Type', value: () => keyTypeWord(r.type) },
    {
      header: 'Status',
      value: () => r.status.toLowerCase(),
      style: (t, _, c) => styleStatus(c, t, r.status),
    },
    r.description !== undefined && { header: 'Description', value: () => r.description },
    { header: 'Expires', value: () => expiryText(r, now) },
    { header: 'Expiry setting', value: () => r.expiry_enum },
    { header: 'Created', value: () => whenText(r.created_date, now) },
    { header: 'Last used', value: () => (r.last_access ? whenText(r.last_access, now) : 'never') },
    { header: 'Principal id', value: () => r.user_id },
    { header: 'Owner', value: () => ownerText(details.owner) },
    { header: 'Deletable', value: () => (r.non_deletable ? 'no (non-deletable)' : 'yes') },
    r.rotation !== undefined && { header: 'Rotation', value: () => rotationText(r.rotation, now) },
    { header: 'Groups', value: () => names(details.groups) + inherited },
    { header: 'Roles', value: () => names(details.roles) + inherited },
    { header: 'Permissions', value: () => permissionsText(details.sources) },
  ];
  return fields.filter((f): f is Column<KeyDetails> => f !== false);
}
