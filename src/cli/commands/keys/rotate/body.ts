import { parseExpiry } from '../../../../core/expiry.js';
import { classifyKeyRef, resolveKeyRef } from '../../../../core/key-ref.js';
import type { CommandContext } from '../../../runtime/context.js';
import { allAccessibleKeys } from '../../../runtime/key-source.js';
import { planSecretDelivery } from '../shared/new-credential.js';
import { resolveKey } from '../shared/resolve-key.js';
import { apiGraceDays } from './api.js';
import { rotateWithGrace } from './grace.js';
import { checkRotateFlags, refuseBhomKey, refuseBhomRef } from './guard.js';
import { finishInterrupted, refuseHandOverKey } from './handover.js';
import type { KeysRotateOptions } from './options.js';
import { pickKeyToRotate } from './pick.js';
import { rotateInPlace } from './secret.js';

/**
 * `keys rotate <key>`: a new secret for an access or user-level key, a server-side rotation
 * for an API key, or with `--grace` a zero-downtime replacement. Keys named `<tenant id>@`
 * (BHOM-managed) are refused before any change. `--all` is the bulk rotation (rotate-all.ts).
 * No key on a terminal: the key is picked from a list (pick.ts).
 */
export async function keysRotate(options: KeysRotateOptions, ctx: CommandContext): Promise<number> {
  if (options.all) return (await import('./all.js')).rotateAll(options, ctx);
  const named = checkRotateFlags(options, ctx.interactive);
  // Read before any request: a bad --expires costs nothing (one meaning, core/expiry.ts).
  const expires =
    options.expires === undefined ? undefined : parseExpiry(options.expires, ctx.now());
  const sinks = await planSecretDelivery(ctx, options.sinks);
  const conn = await ctx.connection();
  const ref = named ?? (await pickKeyToRotate(ctx, conn));
  refuseBhomRef(conn, ref);
  const { dryRun, verify, graceMs, replaceRetiring: force } = options;
  const byName = classifyKeyRef(ref) === 'name';
  // A grace rotation needs the listing (earlier hand-overs of the name); a name needs it too.
  let listed = byName || graceMs !== undefined ? await allAccessibleKeys(conn) : [];
  if (byName && !dryRun) listed = await finishInterrupted(ctx, conn, ref, listed);
  const record = byName ? resolveKeyRef(ref, listed) : await resolveKey(conn, ref);
  await refuseBhomKey(conn, record);
  refuseHandOverKey(record);
  if (graceMs !== undefined && record.type !== 'API') {
    const grace = { graceMs, verify, dryRun, force, listed, ...(expires ? { expires } : {}) };
    return rotateWithGrace(ctx, conn, record, grace, sinks);
  }
  if (graceMs !== undefined) {
    ctx.printer.info(
      `API keys rotate with the service's own grace period (${apiGraceDays(record)} days): --grace is not used`,
    );
  }
  return rotateInPlace(ctx, conn, record, sinks, {
    dryRun,
    verify,
    ...(expires ? { expires } : {}),
  });
}
