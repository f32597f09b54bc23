// No imports: `keys show` registration reads these names without loading the view.

/** The JSON field behind each label of the `keys show` view (view.ts). */
export const FIELD_OF_LABEL: Readonly<Record<string, string>> = {
  Name: 'name',
  'Access key': 'access_key',
  Type: 'type',
  Status: 'status',
  Description: 'description',
  Expires: 'expiry_time',
  'Expiry setting': 'expiry_enum',
  Created: 'created_date',
  'Last used': 'last_access',
  'Principal id': 'user_id',
  Owner: 'owner',
  Deletable: 'non_deletable',
  Rotation: 'rotation',
  Groups: 'groups',
  Roles: 'roles',
  Permissions: 'permissions',
};

/** What `keys show --fields` accepts: the fields of `keys show --json`. */
export const KEY_SHOW_FIELDS: readonly string[] = [
  ...Object.values(FIELD_OF_LABEL),
  'permission_sources',
  'key_expired',
  'owner_user_id',
];
