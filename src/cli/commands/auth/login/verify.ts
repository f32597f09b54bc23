import { createImsClient } from '../../../../api/client.js';
import type { CachedTokens } from '../../../../api/session-types.js';
import { AuthError, ServiceError } from '../../../../core/errors.js';
import type { Redacted } from '../../../../core/redacted.js';
import { withSpinner } from '../../../../output/spinner.js';
import type { UserInfo } from '../../../../wire/types.js';
import type { CommandContext } from '../../../runtime/context.js';
import { type NetworkSettings, portalNetwork } from '../../../runtime/network.js';
import { traceLine } from '../../../runtime/trace.js';
import type { LoginIdentity } from './inputs.js';

/** What a successful login proved: who the key is, and the tokens it was given. */
export interface VerifiedLogin {
  userinfo: UserInfo;
  tokens: CachedTokens | undefined;
}

const WRONG_SECRET_HINT =
  'check the access key and the secret key; a lost secret cannot be shown again: rotate the key for a new one';

/**
 * `POST /access_keys/login`, then `GET /userinfo` with the token it gave. No token store:
 * nothing touches the disk here; the caller saves only once both calls succeeded.
 *
 * @throws AuthError (exit 3) for a wrong key, secret or tenant; ServiceError (exit 7) when
 *   the portal cannot be reached.
 */
export async function verifyLogin(
  ctx: CommandContext,
  identity: LoginIdentity,
  secret: Redacted,
  timeoutMs: number,
  network: NetworkSettings,
): Promise<VerifiedLogin> {
  const { fetch } = await portalNetwork(ctx, identity.url, network);
  const client = createImsClient({
    fetch,
    baseUrl: identity.url,
    credential: {
      accessKey: identity.accessKey,
      secretKey: secret.reveal(),
      tenantId: identity.tenantId,
    },
    timeoutMs,
    onTrace: ctx.printer.debugEnabled ? (event) => ctx.printer.debug(traceLine(event)) : undefined,
    now: () => ctx.now(),
    signal: ctx.signal,
  });
  try {
    return await withSpinner(
      ctx.printer,
      `Logging in to ${identity.url}`,
      async () => {
        await client.login();
        const userinfo = await client.userinfo();
        checkTenant(identity.tenantId, userinfo.tenant_id);
        return { userinfo, tokens: client.tokens() };
      },
      { successText: false, failText: false },
    );
  } catch (error) {
    throw withLoginHint(error, identity.url);
  }
}

/**
 * The service must answer for the tenant asked for: a profile saved under another tenant id
 * would point its secret at the wrong tenant. Exit 3 (the login is not valid for that tenant);
 * nothing is saved.
 */
function checkTenant(asked: string, answered: unknown): void {
  if (answered === asked) return;
  const shown =
    typeof answered === 'string' && /^\d{1,20}$/.test(answered) ? answered : 'another tenant';
  throw new AuthError(`the service answered for tenant ${shown}, not ${asked}: nothing was saved`, {
    hint: `check --tenant (or HELIX_TENANT_ID); to log in to tenant ${shown}, pass --tenant ${shown}`,
  });
}

/**
 * Hints for a first contact: the API's own suggest `helixctl login` (what the user is running)
 * or the network, when a mistyped portal URL is as likely.
 */
function withLoginHint(error: unknown, url: string): unknown {
  const options = (hint: string, e: AuthError | ServiceError) => ({
    status: e.status,
    code: e.code,
    hint,
    cause: e,
  });
  if (error instanceof AuthError && error.status === 401) {
    return new AuthError(error.message, options(WRONG_SECRET_HINT, error));
  }
  // TLS and proxy failures already name their own fix.
  const ownFix = ['TLS_ERROR', 'PROXY_ERROR'];
  if (error instanceof ServiceError && error.status === undefined && !ownFix.includes(error.code)) {
    return new ServiceError(
      error.message,
      options(`check the portal URL (${url}) and your network`, error),
    );
  }
  return error;
}
