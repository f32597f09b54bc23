import type { Connection } from '../../../runtime/connection.js';
import type { CommandContext } from '../../../runtime/context.js';
import { adoptOwnCredential } from '../shared/own-credential.js';

/**
 * `rotate --all` rotates the caller's own key last (bulk-select.ts); the moment its new
 * secret arrives it is stored (shared/own-credential.ts), before delivery can fail.
 */
export function ownCredentialHook(ctx: CommandContext, conn: Connection) {
  return (oldAccessKey: string, fresh: { accessKey: string; secretKey: string }) =>
    adoptOwnCredential(ctx, conn, oldAccessKey, fresh);
}

/**
 * The grace flow's single hand-over point: once the successor's secret was delivered (and
 * verified, with `--verify`), a profile that logged in with the retiring key switches to the
 * successor's access key and secret. Call it with the retiring key's access key and the
 * successor's credential; it does nothing for any other key.
 */
export function adoptOwnSuccessor(
  ctx: CommandContext,
  conn: Connection,
  retiringAccessKey: string,
  successor: { accessKey: string; secretKey: string },
): Promise<boolean> {
  return adoptOwnCredential(ctx, conn, retiringAccessKey, successor);
}
