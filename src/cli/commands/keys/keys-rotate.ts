import type { CommandContext } from '../../context.js';
import { planSecretDelivery } from '../../keys/new-credential.js';
import { resolveKey } from '../../keys/resolve-key.js';
import { apiGraceDays } from '../../keys/rotate-api.js';
import { rotateWithGrace } from '../../keys/rotate-grace.js';
import { checkRotateFlags, refuseBhomKey, refuseBhomRef } from '../../keys/rotate-guard.js';
import { rotateInPlace } from '../../keys/rotate-secret.js';
import type { KeysRotateOptions } from './options.js';

/**
 * `keys rotate <key>`: a new secret for an access or user-level key, a server-side rotation
 * for an API key, or with `--grace` a zero-downtime replacement. Keys named `<tenant id>@`
 * (BHOM-managed) are refused before any change. `--all` is the bulk rotation (rotate-all.ts).
 */
export async function keysRotate(options: KeysRotateOptions, ctx: CommandContext): Promise<number> {
  if (options.all) return (await import('../../keys/rotate-all.js')).rotateAll(options, ctx);
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
