import { NotFoundError } from '../../../../core/errors.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { allAccessibleKeys } from '../../../runtime/key-source.js';
import { tenantIdOf } from '../shared/tenant-id.js';
import { expiryText } from '../shared/time-text.js';

/**
 * `keys rotate` with no key on a terminal: the keys the caller can see, by name, to pick one
 * (its access key is returned). Keys named `<tenant id>@` (BHOM-managed, never rotated) are
 * left out rather than offered and refused.
 */
export async function pickKeyToRotate(ctx: CommandContext, conn: Connection): Promise<string> {
  const tenantId = await tenantIdOf(conn);
  const now = ctx.now();
  const keys = (await allAccessibleKeys(conn))
    .filter((k) => !k.name.startsWith(`${tenantId}@`))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (keys.length === 0) {
    throw new NotFoundError('there is no key to rotate', {
      hint: 'create one with: helixctl keys add',
    });
  }
  return ctx.prompter.select<string>({
    message: 'Key to rotate',
    flag: '<key>',
    what: 'the key to rotate',
    choices: keys.map((k) => ({
      name: `${k.name} (${k.access_key})`,
      value: k.access_key,
      description: `${k.type}, ${k.status.toLowerCase()}, expires ${expiryText(k, now)}`,
    })),
  });
}
