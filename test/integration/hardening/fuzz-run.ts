import { createEmulator, type Emulator } from '../../../src/emulator/index.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { algNone, tamper } from '../../helpers/emulator-jwt.js';
import { basic } from '../../helpers/emulator-seed.js';
import type { TestCredential } from '../../helpers/emulator-server.js';
import type { Auth, FuzzRequest, Ref, Route } from './fuzz-arbitraries.js';
import { START } from './in-process.js';

/** What one fuzz run has: the emulator, valid tokens, and everything a Ref may name. */
export interface RunState {
  emulator: Emulator;
  errors: string[];
  tokens: Record<Auth, string | undefined>;
  pools: Record<Ref['ref'], string[]>;
}

const BASE = 'http://emulator.test';

async function call(emulator: Emulator, method: string, path: string, init: RequestInit = {}) {
  const response = await emulator.fetch(`${BASE}${path}`, { method, ...init });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function loginOf(emulator: Emulator, credential: TestCredential) {
  const res = await call(emulator, 'POST', imsPaths.login, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      access_key: credential.accessKey,
      access_secret_key: credential.secretKey,
    }),
  });
  return res.status === 200 ? (res.body as { json_web_token: string; token: string }) : undefined;
}

/**
 * Logs the test's keys in (again: after the clock moved, tokens have expired). A key the run
 * has deactivated or deleted keeps its old token, which the emulator must then refuse.
 */
export async function freshTokens(
  emulator: Emulator,
  previous?: RunState['tokens'],
): Promise<RunState['tokens']> {
  const jwt = async (credential: TestCredential, auth: Auth) =>
    (await loginOf(emulator, credential))?.json_web_token ?? previous?.[auth];
  const admin = await loginOf(emulator, basic.acmeAdmin);
  const adminJwt = admin?.json_web_token ?? previous?.admin ?? '';
  const auditor = (await jwt(basic.acmeAuditor, 'auditor')) ?? '';
  return {
    admin: adminJwt,
    auditor,
    plain: await jwt(basic.acmePlain, 'plain'),
    bob: await jwt(basic.bobLaptop, 'bob'),
    globex: await jwt(basic.globexAdmin, 'globex'),
    none: undefined,
    garbage: 'not.a.token',
    refresh: admin?.token ?? previous?.refresh,
    unsigned: algNone(adminJwt),
    tampered: tamper(auditor, { sub: basic.keyIds.acmeAdmin }),
  };
}

/** Opens the emulator on `db` (a copy of the seeded template) and logs the test's keys in. */
export async function startRun(db: string): Promise<RunState> {
  const errors: string[] = [];
  const emulator = createEmulator({
    db,
    testClock: true,
    now: START,
    logError: (line) => errors.push(line),
  });
  const tokens = await freshTokens(emulator);
  const auth = { headers: { authorization: `Bearer ${tokens.admin}` } };
  const ids = async (path: string, field: string) =>
    ((await call(emulator, 'GET', path, auth)).body.records as Record<string, string>[]).map(
      (r) => r[field] ?? '',
    );
  const credentials = Object.values(basic).filter(
    (c): c is TestCredential => typeof c === 'object' && 'secretKey' in c,
  );
  return {
    emulator,
    errors,
    tokens,
    pools: {
      // Not the admin key itself: deactivating it early would leave the rest of a run
      // answering 401 (the auth tests cover a key acting on itself).
      key: [...credentials.map((c) => c.accessKey), ...Object.values(basic.keyIds)].filter(
        (k) => k !== basic.acmeAdmin.accessKey && k !== basic.keyIds.acmeAdmin,
      ),
      user: [...Object.values(basic.users)],
      group: await ids(imsPaths.groups, 'group_id'),
      role: await ids(imsPaths.roles, 'role_id'),
      login: credentials.map((c) => c.accessKey),
      secret: credentials.map((c) => c.secretKey),
      refresh: tokens.refresh ? [tokens.refresh] : [],
    },
  };
}

function pick(state: RunState, ref: Ref): string {
  const pool = state.pools[ref.ref];
  return pool[ref.i % pool.length] ?? '';
}

/** Replaces every Ref inside a generated JSON value by what it names in this run. */
function resolve(state: RunState, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(state, v));
  if (value !== null && typeof value === 'object') {
    const maybe = value as Partial<Ref>;
    if (
      typeof maybe.ref === 'string' &&
      typeof maybe.i === 'number' &&
      Object.keys(value).length === 2
    ) {
      return pick(state, maybe as Ref);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(state, v)]));
  }
  return value;
}

const PARAM_KIND: Readonly<Record<string, Ref['ref']>> = {
  ':key': 'key',
  ':userId': 'user',
  ':groupId': 'group',
  ':roleId': 'role',
};

/** The path (with query) a generated request goes to. */
export function pathOf(state: RunState, req: FuzzRequest, routes: readonly Route[]): string {
  const route = routes[req.route];
  if (!route) return `${req.randomPath}${req.query}`;
  let i = 0;
  const filled = route.path.replace(/:[A-Za-z]+/g, (name) => {
    const p = req.params[i++];
    if (typeof p === 'string') return p;
    // Mostly the kind the parameter names (so requests reach real rows), sometimes another.
    const kind = p && p.i % 7 !== 0 ? (PARAM_KIND[name] ?? p.ref) : (p?.ref ?? 'key');
    return encodeURIComponent(pick(state, { ref: kind, i: p?.i ?? 0 }));
  });
  return `${[filled, ...req.extra].join('/')}${req.query}`;
}

function bodyOf(state: RunState, req: FuzzRequest): string | Uint8Array | undefined {
  const { body } = req;
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
      return JSON.stringify(resolve(state, body.value)) ?? 'null';
    case 'text':
      return body.text;
    case 'bytes':
      return new Uint8Array(body.bytes);
    case 'big':
      return `{"name":"${'x'.repeat(64 * 1024 - 11 + body.extra)}"}`;
    case 'deep':
      return `{"a":${'['.repeat(body.depth)}${']'.repeat(body.depth)}}`;
  }
}

/** Sends a generated request in-process; returns the path it went to and the response. */
export async function send(state: RunState, req: FuzzRequest, routes: readonly Route[]) {
  const path = pathOf(state, req, routes);
  const headers: Record<string, string> = {};
  const token = state.tokens[req.auth];
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  if (req.accept !== undefined) headers.accept = req.accept;
  const request = new Request(`${BASE}${path}`, { method: req.method, headers });
  const body = ['GET', 'HEAD'].includes(request.method) ? undefined : bodyOf(state, req);
  const init: RequestInit = { method: req.method, headers };
  if (body !== undefined) init.body = body;
  const response = await state.emulator.fetch(new Request(`${BASE}${path}`, init));
  return {
    url: new URL(request.url),
    method: request.method,
    response,
    text: await response.text(),
  };
}

/** Adds what a successful response made to the run's pools, so later requests can name it. */
export function remember(
  state: RunState,
  status: number,
  body: Record<string, unknown> | undefined,
) {
  if (!body || (status !== 200 && status !== 201)) return;
  const add = (pool: Ref['ref'], value: unknown) => {
    if (typeof value === 'string' && !state.pools[pool].includes(value))
      state.pools[pool].push(value);
  };
  add('key', body.access_key);
  if (typeof body.access_key === 'string' && typeof body.access_secret_key === 'string') {
    state.pools.login.push(body.access_key);
    state.pools.secret.push(body.access_secret_key);
  }
  add('refresh', body.token);
  add(status === 201 && body.access_key === undefined ? 'user' : 'key', body.user_id);
  add('group', body.group_id);
}
