import type { Credential } from '../../../../core/credential.js';
import { HelixError, isHelixError } from '../../../../core/errors.js';
import { ExitCode } from '../../../../core/exit-codes.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';

/**
 * Logs in with a brand-new credential and reads `userinfo` with it (no token cache).
 * Returns why it failed, or undefined when the service accepted it as that very key.
 */
export async function verifyNewKey(
  ctx: CommandContext,
  conn: Connection,
  credential: Credential,
): Promise<string | undefined> {
  try {
    const info = await withSpinner(ctx.printer, 'Logging in with the new key', () =>
      conn.client.verifyCredential(credential),
    );
    if (info.principal_id !== credential.accessKey) {
      return `the service answered as ${info.principal_id}, not as the new key`;
    }
    return undefined;
  } catch (error) {
    // Our errors carry safe one-line messages; anything else says nothing it should not.
    return isHelixError(error) ? error.message : 'unexpected error';
  }
}

/** A failed verification: the service would not accept a key it just created (exit 7). */
export function verificationFailed(message: string, hint: string): HelixError {
  return new HelixError(message, ExitCode.SERVICE, 'VERIFICATION_FAILED', { hint });
}
