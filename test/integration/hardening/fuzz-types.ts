import fc from 'fast-check';

/** A reference resolved when the request is sent, against what the run has made so far. */
export interface Ref {
  /** `login` and `secret` at the same index are one credential. */
  ref: 'key' | 'user' | 'group' | 'role' | 'secret' | 'refresh' | 'login';
  i: number;
}

export type Auth =
  | 'admin'
  | 'auditor'
  | 'plain'
  | 'bob'
  | 'globex'
  | 'none'
  | 'garbage'
  | 'refresh'
  | 'unsigned'
  | 'tampered';

/** The auth kinds that carry a valid access token. */
export const VALID_AUTH: ReadonlySet<Auth> = new Set([
  'admin',
  'auditor',
  'plain',
  'bob',
  'globex',
]);

export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] }
  | { kind: 'big'; extra: number }
  | { kind: 'deep'; depth: number };

export interface FuzzRequest {
  method: string;
  /** Index into the route table, or -1 for a random path. */
  route: number;
  params: Array<Ref | string>;
  extra: string[];
  randomPath: string;
  query: string;
  auth: Auth;
  contentType: string | undefined;
  accept: string | undefined;
  body: Body;
}

export interface Route {
  method: string;
  path: string;
}

/** A reference to the `i`-th thing of a kind, unbiased (every index is as likely). */
export const ref = (kind: Ref['ref']) => fc.noBias(fc.nat(50)).map((i): Ref => ({ ref: kind, i }));
