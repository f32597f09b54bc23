import { quoteForMessage } from '../../../../core/quote.js';
import { isJsonMode } from '../../../../output/mode.js';
import type { KeyStatus } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { KeysStateOptions } from './key-state-options.js';
import { refuseOwnKey } from './own-credential.js';
import { reportDryRun } from './report-dry-run.js';
import { resolveKey } from './resolve-key.js';

/** What activate and deactivate print in JSON. */
type StateResult = {
  access_key: string;
  name: string;
  previous_status: KeyStatus;
  status: KeyStatus;
  changed: boolean;
};

const VERB: Record<KeyStatus, { action: string; done: string }> = {
  ACTIVE: { action: 'activate', done: 'active' },
  INACTIVE: { action: 'deactivate', done: 'inactive' },
};

/**
 * Sets a key's status (PATCH `status`). Idempotent: a key already in that state is left
 * alone and the run still succeeds. Deactivating asks first on a terminal (it is reversible,
 * so without a terminal it goes ahead, like `activate`).
 */
export async function setKeyStatus(
  target: KeyStatus,
  options: KeysStateOptions,
  ctx: CommandContext,
): Promise<number> {
  const { printer } = ctx;
  const conn = await ctx.connection();
  const record = await resolveKey(conn, options.key);
  const label = `${quoteForMessage(record.name)} (${record.access_key})`;
  const verb = VERB[target];
  const result: StateResult = {
    access_key: record.access_key,
    name: record.name,
    previous_status: record.status,
    status: target,
    changed: record.status !== target,
  };
  const own = record.access_key === conn.credential.accessKey;
  if (!result.changed) {
    const already = `key ${label} is already ${verb.done}`;
    if (options.dryRun) reportDryRun(printer, verb.action, result, [`${already}; nothing to do`]);
    else report(ctx, result, `${already}; nothing changed`);
    return 0;
  }
  if (target === 'INACTIVE') refuseOwnKey(conn, record, 'deactivate', options.force === true);
  if (own && target === 'INACTIVE') {
    printer.warn(
      'this is the key helixctl is signed in with: commands with it will fail until another key activates it',
    );
  }
  if (options.dryRun) {
    reportDryRun(printer, verb.action, result, [`would ${verb.action} key ${label}`]);
    return 0;
  }
  if (target === 'INACTIVE' && ctx.interactive) {
    await ctx.prompter.confirm({ message: `Deactivate key ${label}?`, default: false });
  }
  const updated = await conn.client.updateKey(record.access_key, { status: target });
  report(ctx, { ...result, status: updated.status }, `key ${label} is now ${verb.done}`, true);
  return 0;
}

function report(ctx: CommandContext, result: StateResult, message: string, success = false) {
  if (isJsonMode(ctx.printer.mode)) ctx.printer.json(result);
  if (success) ctx.printer.success(message);
  else ctx.printer.info(message);
}
