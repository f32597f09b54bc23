import { AuthError, NotFoundError, RuleError } from '../core/errors.js';
import { imsPaths } from '../wire/paths.js';
import type { LoginAnswer, LoginRequest, RefreshResponse } from '../wire/types.js';
import type { Http } from './http.js';
import type { LoginCredential } from './session-types.js';
import { unexpectedAnswer } from './transport-error.js';

/**
 * The two unauthenticated calls, with the login-specific wording of their failures.
 */

const CHECK_CREDENTIAL =
  'check the access key and secret; `helixctl login` stores a new credential';

/** `POST /access_keys/login`. Its failures become AuthErrors that say what was wrong. */
export async function callLogin(http: Http, credential: LoginCredential): Promise<LoginAnswer> {
  const json: LoginRequest = {
    access_key: credential.accessKey,
    access_secret_key: credential.secretKey,
  };
  if (credential.tenantId) json.tenant_id = credential.tenantId;
  let response: LoginAnswer;
  try {
    response = await http.request<LoginAnswer>({
      method: 'POST',
      path: imsPaths.login,
      json,
      mutates: false,
      answer: 'login',
    });
  } catch (error) {
    throw loginFailure(error, http, credential);
  }
  // A login changes nothing on the service: an answer without a token is a bad answer, never
  // an unknown outcome.
  if (!response.json_web_token && !response.token) {
    throw unexpectedAnswer('json_web_token', {
      method: 'POST',
      path: imsPaths.login,
      mutates: false,
    });
  }
  return response;
}

function loginFailure(error: unknown, http: Http, credential: LoginCredential): unknown {
  if (error instanceof AuthError) {
    // The emulator (and, we infer, the service) says why: expired or inactive keys.
    const reason = /expired|inactive|disabled|deactivated/i.test(error.message)
      ? lowerFirst(error.message)
      : 'invalid access key or secret key';
    return new AuthError(`login failed: ${reason}`, { status: 401, hint: CHECK_CREDENTIAL });
  }
  if (error instanceof NotFoundError) {
    // Only the service's own answer names the tenant; a 404 page from a wrong URL path does not.
    return credential.tenantId && /\btenant\b/i.test(error.message)
      ? new AuthError(`tenant ${credential.tenantId} not found`, {
          status: 404,
          code: 'TENANT_NOT_FOUND',
          hint: 'check the tenant id (--tenant or HELIX_TENANT_ID) and the portal URL',
        })
      : new AuthError(`login failed: no IMS login endpoint at ${http.baseUrl}`, {
          status: 404,
          hint: 'check the portal URL (--url)',
        });
  }
  return error;
}

/**
 * `POST /auth/tokens`. Undefined when the service refuses the refresh token (expired,
 * revoked): the caller logs in again. Other failures (network, 5xx) are thrown.
 */
export async function callRefresh(http: Http, refreshToken: string): Promise<string | undefined> {
  let response: RefreshResponse;
  try {
    response = await http.request<RefreshResponse>({
      method: 'POST',
      path: imsPaths.refresh,
      json: { token: refreshToken },
      mutates: false,
      answer: 'refresh',
    });
  } catch (error) {
    if (
      error instanceof AuthError ||
      error instanceof NotFoundError ||
      error instanceof RuleError
    ) {
      return undefined;
    }
    throw error;
  }
  return typeof response.json_web_token === 'string' ? response.json_web_token : undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
