import { UsageError } from '../../../../core/errors.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { KeysCopyOptions } from './options.js';
import { checkClipboard, copyToClipboard, printCopy } from './output.js';
import { copySource, readGivenSecret } from './source.js';

/**
 * `keys copy [key]`: a credential in the copy format, to the clipboard (nothing on stdout), or
 * to stdout with `--print`. See copy-source.ts for what is copied in each form.
 */
export async function keysCopy(options: KeysCopyOptions, ctx: CommandContext): Promise<number> {
  if (options.print && options.clearAfterMs !== undefined) {
    throw new UsageError('--clear-after goes with the clipboard, not with --print');
  }
  if (!options.print) checkClipboard(ctx);
  const secret = await readGivenSecret(ctx, options);
  const conn = await ctx.connection();
  const source = await copySource(ctx, conn, options.key, secret);
  if (options.print) printCopy(ctx, source);
  else await copyToClipboard(ctx, source, options.clearAfterMs);
  return 0;
}
