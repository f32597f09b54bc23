import { formatCredential } from '../../../../core/credential.js';
import { copiedNotice } from '../../../../output/copied-notice.js';
import { renderCredentialBox } from '../../../../output/credential-box.js';
import { writeStderr } from '../../../../output/io.js';
import { isJsonMode } from '../../../../output/mode.js';
import { deliverCredential } from '../../../../output/secret/deliver.js';
import { planSinks } from '../../../../output/secret/plan.js';
import { preflightSinks } from '../../../../output/secret/preflight.js';
import { createSinkDeps } from '../../../../output/secret/sink-deps.js';
import type { SecretJsonFields, SinkPlan } from '../../../../output/secret/types.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import { keyJson } from './key-columns.js';
import type { SecretSinkFlags } from './secret-sink-flags.js';

/**
 * Decides and checks where a new secret will go, BEFORE the key is created or rotated: a bad
 * `--secret-file` or `--exec` is then a usage error while nothing has changed yet.
 */
export async function planSecretDelivery(
  ctx: CommandContext,
  sinks: SecretSinkFlags,
): Promise<SinkPlan> {
  const plan = planSinks({
    flags: sinks,
    interactive: ctx.interactive,
    stdoutTTY: ctx.io.stdout.isTTY === true,
    json: isJsonMode(ctx.printer.mode),
  });
  await preflightSinks(plan, ctx.env);
  return plan;
}

export interface GeneratedSecret {
  /** The key as it is now (after creation or rotation). */
  record: AccessKeyRecord;
  secretKey: string;
  tenantId: string;
  /** More fields for the JSON document, after the record's (e.g. an API key's old access key). */
  extra?: Record<string, unknown> | undefined;
}

export interface DeliverOptions {
  /**
   * JSON mode only: instead of printing the usual create/rotate document, hand the secret's
   * JSON fields to the caller, which then prints ONE document of its own (e.g. `rotate
   * --grace`, whose document also says how verification went). The caller must print it in
   * a `finally`, or a secret meant for stdout would be lost.
   */
  composeJson?: ((fields: SecretJsonFields) => void) | undefined;
}

const LOCAL_NOTE = 'on the local emulator (profile local), not a BMC Helix tenant';

/**
 * Hands a freshly generated secret to the planned sinks and returns the exit code. Called as
 * soon as the service answered, before anything else can fail, so a secret is never lost.
 */
export async function deliverSecret(
  ctx: CommandContext,
  plan: SinkPlan,
  secret: GeneratedSecret,
  title: string,
  options: DeliverOptions = {},
): Promise<number> {
  const { record, secretKey, tenantId } = secret;
  const credential = formatCredential({ accessKey: record.access_key, secretKey, tenantId });
  const cred = { accessKey: record.access_key, secretKey, tenantId, credential };
  const { printer } = ctx;
  const { composeJson } = options;
  // The connection already exists (the secret came through it): this only reads a flag.
  const note = (await ctx.connection()).local ? LOCAL_NOTE : undefined;
  // In JSON mode stdout gets nothing but the document, so deferring it means writing nothing.
  const deferred = composeJson !== undefined && plan.stdout === 'json';
  const deps = createSinkDeps({
    stdout: (text) => (deferred ? undefined : printer.raw(text)),
    stderr: (text) => writeStderr(ctx.io, text),
    warn: (message) => printer.warn(message),
    copied: (clearAfterMs) =>
      printer.success(
        copiedNotice(`the credential of "${record.name}" (${record.access_key})`, clearAfterMs),
      ),
    renderHuman: (c) =>
      renderCredentialBox({ ...c, name: record.name }, printer.chalk, { title, note }),
    renderJson: (fields) => {
      if (deferred) {
        composeJson(fields);
        return '';
      }
      const doc = { ...keyJson(record), ...secret.extra, ...fields };
      return JSON.stringify(doc, null, ctx.io.stdout.isTTY ? 2 : undefined);
    },
    env: ctx.env,
  });
  const result = await deliverCredential(cred, plan, deps);
  if (result.deliveredTo.includes('stdout')) printer.holdsSecret(record.name);
  return result.exitCode;
}
