/** A JSON reply as tests read it. */
export interface JsonReply {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields
  body: any;
}

export interface JsonRequestOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Sent as JSON (with its content-type) when given. */
  body?: unknown;
}

/**
 * One JSON request to a service over HTTP (an emulator, `helixctl serve`, a proxy), not
 * through the CLI: rejects only when the connection fails.
 */
export async function jsonRequest(
  base: string,
  method: string,
  path: string,
  options: JsonRequestOptions = {},
): Promise<JsonReply> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(path, base), {
    method,
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
