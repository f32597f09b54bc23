/**
 * Field rules of access key bodies that both the body schemas (at the HTTP edge) and the
 * services enforce, kept here so the two give the same answer and neither imports the other.
 */

export const INHERITS_OWNER = "User access keys inherit their owner's groups and roles";

/** Fields a key update may name but never change (docs/ims-api.md §8.4). */
export const IMMUTABLE_KEY_FIELDS: readonly string[] = [
  'type',
  'access_key',
  'created_date',
  'created_date_time',
  'user_id',
  'tenant_id',
  'non_deletable',
  'key_expired',
  'last_access',
  'owner_user_id',
];
