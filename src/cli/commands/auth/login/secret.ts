import type { EnvValues } from '../../../../config/env-values.js';
import { secretKeyProblem } from '../../../../core/credential.js';
import { UsageError } from '../../../../core/errors.js';
import { Redacted } from '../../../../core/redacted.js';
import { readSecretFromStdin } from '../../../../output/stdin-secret.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { WholeCredential } from './whole-credential.js';

/** The secret for `accessKey` and where it came from (never from argv). */
export interface LoginSecret {
  secret: Redacted;
  from: string;
}

/**
 * A whole credential's secret, else `--secret-stdin`, else the environment's secret when it
 * belongs to this access key (HELIX_SECRET_KEY alone, or with a matching HELIX_ACCESS_KEY,
 * or HELIX_CREDENTIAL), else a hidden prompt (exit 8 without a terminal).
 *
 * @throws UsageError for a malformed secret; the message never shows it.
 */
export async function resolveSecret(
  ctx: CommandContext,
  input: { accessKey: string; env: EnvValues; whole?: WholeCredential | undefined; stdin: boolean },
): Promise<LoginSecret> {
  const { env, whole } = input;
  if (whole) return { secret: new Redacted(whole.secretKey), from: whole.from };
  if (input.stdin) {
    const text = (await readSecretFromStdin(ctx.io, { flag: '--secret-stdin' })).trim();
    const problem = secretKeyProblem(text);
    if (problem) throw new UsageError(`the secret key from --secret-stdin ${problem}`);
    return { secret: new Redacted(text), from: '--secret-stdin' };
  }
  if (env.secretKey && (env.accessKey === undefined || env.accessKey === input.accessKey)) {
    const from =
      env.credentialFrom === 'HELIX_CREDENTIAL' ? 'HELIX_CREDENTIAL' : 'HELIX_SECRET_KEY';
    return { secret: env.secretKey, from };
  }
  const typed = await ctx.prompter.password({
    message: `Secret key for ${input.accessKey} (hidden):`,
    what: 'the secret key',
    flag: '--secret-stdin or --credential-stdin (or set HELIX_SECRET_KEY)',
    validate: (value) => {
      const problem = secretKeyProblem(value.trim());
      return problem === undefined || `the secret key ${problem}`;
    },
  });
  return { secret: new Redacted(typed.trim()), from: 'the prompt' };
}
