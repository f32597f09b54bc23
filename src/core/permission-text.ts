/** The service's wildcard permission: an administrator's grant of every permission. */
export const ALL_PERMISSIONS = '*';

/**
 * A permission as people read it: the wildcard is `all permissions (*)`, not a bare `*` that
 * looks like a glyph, nor one permission among others. Machine output (JSON, TSV) keeps `*`.
 */
export function permissionLabel(permission: string): string {
  return permission === ALL_PERMISSIONS ? 'all permissions (*)' : permission;
}

/** `3 permissions`, `1 permission`, or `all permissions (*)` when the wildcard is among them. */
export function permissionCount(permissions: readonly string[]): string {
  if (permissions.includes(ALL_PERMISSIONS)) return permissionLabel(ALL_PERMISSIONS);
  const n = permissions.length;
  return `${n} permission${n === 1 ? '' : 's'}`;
}
