import { RuleError, UsageError } from '../../../../core/errors.js';
import { isLive, nameRefusal } from '../../../../core/key-lifecycle.js';
import { quoteForMessage } from '../../../../core/quote.js';
import type { Connection } from '../../../runtime/connection.js';
import { allAccessibleKeys } from '../../../runtime/key-source.js';
import { tenantIdOf } from '../shared/tenant-id.js';

/**
 * A name means one live key (README "Key lifecycle"): a name that would be read as an access
 * key, a user id or a BHOM key, or that carries the retiring suffix, is refused (exit 2); a
 * name a live key already has is refused (exit 6) unless `--allow-duplicate-name`. Retiring
 * and pending keys do not hold their name.
 */
export async function checkNewKeyName(
  conn: Connection,
  name: string,
  allowDuplicate: boolean,
): Promise<void> {
  const reason = nameRefusal(name, await tenantIdOf(conn));
  if (reason !== undefined) {
    throw new UsageError(`key name ${quoteForMessage(name)} cannot be used: ${reason}`, {
      hint: 'choose a name with lower-case letters, spaces or dashes, e.g. ci-deploy',
    });
  }
  if (allowDuplicate) return;
  const holder = (await allAccessibleKeys(conn)).find((k) => k.name === name && isLive(k));
  if (holder === undefined) return;
  throw new RuleError(
    `a live key is already named ${quoteForMessage(name)} (${holder.access_key}): a name means one key`,
    {
      code: 'DUPLICATE_NAME',
      hint: `rotate it with \`helixctl keys rotate ${JSON.stringify(name)}\`, choose another name, or pass --allow-duplicate-name`,
    },
  );
}
