import { type Credential, parseCredential } from '../../../../core/credential.js';
import { isHelixError, UsageError } from '../../../../core/errors.js';
import { readClipboard } from '../../../../output/clipboard.js';
import { readSecretFromStdin } from '../../../../output/stdin-secret.js';
import type { CommandContext } from '../../../runtime/context.js';
import type { LoginOptions } from './options.js';

/** A whole credential handed to `login`, and which flag brought it (for messages). */
export interface WholeCredential extends Credential {
  from: '--credential-stdin' | '--from-clipboard';
}

/**
 * Reads the credential of `--credential-stdin` or `--from-clipboard` (copy format or
 * `<tenant>::<access>::<secret>`), or undefined when neither flag was given.
 *
 * @throws UsageError for conflicting flags, an unreadable clipboard or a malformed credential;
 *   messages never include what was read.
 */
export async function readWholeCredential(
  options: LoginOptions,
  ctx: CommandContext,
): Promise<WholeCredential | undefined> {
  const sources = [
    options.credentialStdin && '--credential-stdin',
    options.fromClipboard && '--from-clipboard',
    options.secretStdin && '--secret-stdin',
  ].filter((flag): flag is string => typeof flag === 'string');
  if (sources.length > 1) {
    throw new UsageError(`${sources.join(' and ')} cannot be combined: give one source`);
  }
  if (options.credentialStdin) {
    const text = await readSecretFromStdin(ctx.io, { flag: '--credential-stdin' });
    return parsed(text, '--credential-stdin', 'standard input');
  }
  if (options.fromClipboard) {
    const read = await readClipboard(ctx.env);
    if (!read.ok) {
      throw new UsageError(`cannot read the clipboard: ${read.reason}`, {
        hint: 'pipe the credential in instead: … | helixctl login --credential-stdin',
      });
    }
    return parsed(read.text, '--from-clipboard', 'the clipboard');
  }
  return undefined;
}

function parsed(text: string, from: WholeCredential['from'], where: string): WholeCredential {
  try {
    return { ...parseCredential(text), from };
  } catch (error) {
    if (!isHelixError(error)) throw error;
    throw new UsageError(`${error.message} (read from ${where})`, { hint: error.hint });
  }
}
