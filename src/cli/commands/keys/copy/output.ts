import { InputNeededError } from '../../../../core/errors.js';
import {
  clipboardUnavailable,
  copyToClipboard as writeClipboard,
} from '../../../../output/clipboard.js';
import { copiedNotice } from '../../../../output/copied-notice.js';
import { writeStderr } from '../../../../output/io.js';
import { isJsonMode } from '../../../../output/mode.js';
import { scheduleClipboardClear } from '../../../../output/secret/clipboard-clear.js';
import { githubMaskLines } from '../../../../output/secret/mask.js';
import { DEFAULT_CLEAR_AFTER_MS } from '../../../../output/secret/plan.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { CopySource } from './source.js';

const isJson = (ctx: CommandContext) => isJsonMode(ctx.printer.mode);

function describe(source: CopySource) {
  return {
    access_key: source.accessKey,
    tenant_id: source.tenantId,
    name: source.name ?? null,
    secret_form: source.secretForm,
  };
}

/** `--print`: the credential alone on one stdout line (or inside the JSON document). */
export function printCopy(ctx: CommandContext, source: CopySource): void {
  const secrets = source.clearSecret === undefined ? [] : [source.clearSecret, source.credential];
  const masks = githubMaskLines(secrets, ctx.env);
  if (masks.length > 0) writeStderr(ctx.io, `${masks.join('\n')}\n`);
  if (isJson(ctx)) ctx.printer.json({ ...describe(source), credential: source.credential });
  else ctx.printer.raw(`${source.credential}\n`);
}

/**
 * Exit 8, not 7 (docs/cli-contract.md §8): nothing failed on the service, and nothing changed;
 * the command needs something only an interactive session has, like a prompt needs a terminal,
 * and `--print` is the flag that does without it.
 */
function unavailable(reason: string): InputNeededError {
  return new InputNeededError(`clipboard unavailable: ${reason}`, {
    code: 'CLIPBOARD_UNAVAILABLE',
    hint: 'use --print to write the credential to stdout instead',
  });
}

/** Fails before any request when the clipboard surely cannot work here (headless, opted out). */
export function checkClipboard(ctx: CommandContext): void {
  const reason = clipboardUnavailable(ctx.env);
  if (reason !== undefined) throw unavailable(reason);
}

/**
 * The clipboard, cleared after `clearAfterMs` (default 45 s; 0 keeps it) by the detached
 * helper. Copying is this command's only job, so no clipboard is an error (exit 8) pointing
 * at `--print`, unlike add and rotate, which still have the secret to show.
 */
export async function copyToClipboard(
  ctx: CommandContext,
  source: CopySource,
  clearAfterMs: number | undefined,
): Promise<void> {
  const copied = await writeClipboard(source.credential, ctx.env);
  if (!copied.ok) throw unavailable(copied.reason);
  const after = clearAfterMs ?? DEFAULT_CLEAR_AFTER_MS;
  let cleared = after > 0;
  if (cleared) {
    try {
      await scheduleClipboardClear(source.credential, after, ctx.env);
    } catch (error) {
      cleared = false;
      const why = error instanceof Error ? error.message : 'unexpected error';
      ctx.printer.warn(`the clipboard will not be cleared automatically: ${why}`);
    }
  }
  ctx.printer.success(copiedNotice(source.label, cleared ? after : 0));
  if (isJson(ctx)) {
    ctx.printer.json({
      ...describe(source),
      copied_to: 'clipboard',
      clear_after_ms: cleared ? after : 0,
    });
  }
}
