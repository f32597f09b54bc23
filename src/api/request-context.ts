/** For a POST or PATCH that changes something: what it does, and how the user can check. */
export interface OutcomeContext {
  /** Completes "the service may have completed …", e.g. `creating key "ci"`. */
  what: string;
  /** One line telling the user how to see whether it happened. */
  checkHint: string;
}

/** What was being done when a request failed. Only `method` and `path` are required. */
export interface RequestContext {
  method: string;
  /** The path without query (never carries a secret). */
  path: string;
  /** Host of the portal, named in network messages. */
  host?: string | undefined;
  timeoutMs?: number | undefined;
  /** The response body of an HTTP error, already read. Only its IMS `error` text is used. */
  body?: string | undefined;
  /** Values that must never appear in a message (the request's secrets, the bearer token). */
  secrets?: readonly string[] | undefined;
  /** Whether the request changes state; defaults to true for POST and PATCH. */
  mutates?: boolean | undefined;
  outcome?: OutcomeContext | undefined;
}

export function requestLabel(context: RequestContext): string {
  return `${context.method.toUpperCase()} ${context.path}`;
}

export function mutates(context: RequestContext): boolean {
  return context.mutates ?? /^(POST|PATCH)$/i.test(context.method);
}
