// No imports: `keys list` registration reads these names without loading the columns.

/**
 * The fields of a key list, by their JSON names, in the order of keyColumns' columns (the TSV
 * headers are these names; a unit test holds the two together).
 */
export const KEY_LIST_COLUMNS = [
  'name',
  'access_key',
  'type',
  'status',
  'expiry_time',
  'created_date',
  'last_access',
] as const;

/** Record fields `--fields` may also ask for: not list columns, shown as the JSON has them. */
const EXTRA_FIELDS = [
  'description',
  'user_id',
  'expiry_enum',
  'key_expired',
  'non_deletable',
  'rotation',
  'owner_user_id',
] as const;

/** What `keys list --fields` accepts: the JSON field names, the list's columns first. */
export const KEY_LIST_FIELDS: readonly string[] = [...KEY_LIST_COLUMNS, ...EXTRA_FIELDS];
