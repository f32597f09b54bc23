/**
 * ky's error classes recognised by shape, so that modules other than http.ts never import
 * ky (a ky upgrade then stays a one-file change).
 */

/** The response of ky's HTTPError, or undefined for any other value. */
export function httpErrorResponse(error: unknown): Response | undefined {
  if (!(error instanceof Error) || error.name !== 'HTTPError') return undefined;
  const response = (error as { response?: unknown }).response;
  return response instanceof Response ? response : undefined;
}

export function isTimeoutError(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}
