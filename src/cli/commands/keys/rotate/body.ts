import type { CommandContext } from '../../../runtime/context.js';
import { planSecretDelivery } from '../shared/new-credential.js';
import { resolveKey } from '../shared/resolve-key.js';
import { apiGraceDays } from './api.js';
import { rotateWithGrace } from './grace.js';
import { checkRotateFlags, refuseBhomKey, refuseBhomRef } from './guard.js';
import type { KeysRotateOptions } from './options.js';
import { rotateInPlace } from './secret.js';

/**
 * `keys rotate <key>`: a new secret for an access or user-level key, a server-side rotation
 * for an API key, or with `--grace` a zero-downtime replacement. Keys named `<tenant id>@`
 * (BHOM-managed) are refused before any change. `--all` is the bulk rotation (rotate-all.ts).
 */
export async function keysRotate(options: KeysRotateOptions, ctx: CommandContext): Promise<number> {
  if (options.all) return (await import('./all.js')).rotateAll(options, ctx);
  const ref = checkRotateFlags(options);
  const sinks = await planSecretDelivery(ctx, options.sinks);
  const conn = await ctx.connection();
  refuseBhomRef(conn, ref);
  const record = await resolveKey(conn, ref);
  await refuseBhomKey(conn, record);
  const { dryRun, verify, graceMs } = options;
  if (graceMs !== undefined && record.type !== 'API') {
    return rotateWithGrace(ctx, conn, record, { graceMs, verify, dryRun }, sinks);
  }
  if (graceMs !== undefined) {
    ctx.printer.info(
      `API keys rotate with the service's own grace period (${apiGraceDays(record)} days): --grace is not used`,
    );
  }
  return rotateInPlace(ctx, conn, record, sinks, { dryRun, verify });
}
