import type { CreatedAccessKey } from '../../../../wire/types.js';

/** The record part of a create or rotate answer: the secret travels separately, never in it. */
export function withoutSecret(
  created: CreatedAccessKey,
): Omit<CreatedAccessKey, 'access_secret_key'> {
  const { access_secret_key: _secret, ...record } = created;
  return record;
}
