import { createHmac, randomBytes } from 'node:crypto';
import type { ListEnvelope } from '../../../src/wire/types.js';
import {
  type FaultAction,
  type FaultServer,
  imsError,
  type RecordedRequest,
  startFaultServer,
} from '../../helpers/http-fault-server.js';

/**
 * A small IMS on the fault server, speaking the wire format of docs/design.md §3-4: login with
 * HS256 JWTs carrying `exp` and `token_use`, refresh, bearer checks with the ims-api.md §5 error
 * envelope, and 0-based list envelopes. Time comes from `clock`, shared with the client.
 */

export const TENANT_ID = '1234567890';
export const ACCESS_KEY = 'AK0TESTKEY0000000000000000000A';
export const SECRET_KEY = 'Sx7f2Qk9LmN4pR8tV1wY3zB6cD0eF5gH2jK7mN9pQ4rS6tU8vW';

export interface Clock {
  now: Date;
}

export interface ImsLoopback {
  server: FaultServer;
  clock: Clock;
  /** Every token handed out, access and refresh. */
  issued: string[];
  /** Lifetimes in seconds, changeable per test. */
  ttl: { access: number; refresh: number };
  /** Revokes every token issued so far (as deleting the key or a restart would). */
  revokeAll(): void;
  /** Checks the bearer token: undefined when valid, else the 401 to send. */
  authorize(request: RecordedRequest): FaultAction | undefined;
  /** Serves `records` at `path` as 0-based pages, behind the bearer check. */
  list<T>(path: string, records: T[]): void;
}

const SIGNING_SECRET = randomBytes(32);

export function signJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${body}.${createHmac('sha256', SIGNING_SECRET).update(body).digest('base64url')}`;
}

function verifyJwt(token: string, use: string, nowMs: number, revoked: Set<string>): boolean {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature || revoked.has(token)) return false;
  const expected = createHmac('sha256', SIGNING_SECRET)
    .update(`${header}.${payload}`)
    .digest('base64url');
  if (expected !== signature) return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return claims.token_use === use && claims.exp * 1000 > nowMs;
}

export async function startImsLoopback(): Promise<ImsLoopback> {
  const server = await startFaultServer();
  const clock: Clock = { now: new Date('2026-03-01T10:00:00Z') };
  const issued: string[] = [];
  const revoked = new Set<string>();
  const ttl = { access: 900, refresh: 86_400 };
  const token = (use: 'access' | 'refresh', lifetime: number) => {
    const iat = Math.floor(clock.now.getTime() / 1000);
    const jwt = signJwt({
      sub: '100000000000001',
      tenant_id: TENANT_ID,
      principal_id: ACCESS_KEY,
      token_use: use,
      jti: randomBytes(8).toString('hex'),
      iat,
      exp: iat + lifetime,
    });
    issued.push(jwt);
    return jwt;
  };
  const authorize = (request: RecordedRequest): FaultAction | undefined => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer && verifyJwt(bearer, 'access', clock.now.getTime(), revoked)) return undefined;
    return { status: 401, body: imsError(401, 'JWT token is missing or expired') };
  };
  server.on('POST', '/ims/api/v1/access_keys/login', (request) => {
    const body = JSON.parse(request.body || '{}');
    if (body.tenant_id !== undefined && body.tenant_id !== TENANT_ID) {
      return { status: 404, body: imsError(404, `Tenant ${body.tenant_id} not found`) };
    }
    if (body.access_key !== ACCESS_KEY || body.access_secret_key !== SECRET_KEY) {
      return { status: 401, body: imsError(401, 'Invalid access key or secret key') };
    }
    const json_web_token = token('access', ttl.access);
    return {
      status: 200,
      body: { json_web_token, token: token('refresh', ttl.refresh), tenant_id: TENANT_ID },
    };
  });
  server.on('POST', '/ims/api/v1/auth/tokens', (request) => {
    const body = JSON.parse(request.body || '{}');
    if (
      typeof body.token !== 'string' ||
      !verifyJwt(body.token, 'refresh', clock.now.getTime(), revoked)
    ) {
      return { status: 401, body: imsError(401, 'Refresh token is invalid or expired') };
    }
    return { status: 200, body: { json_web_token: token('access', ttl.access) } };
  });
  server.on('GET', '/ims/api/v1/userinfo', (request) => {
    return authorize(request) ?? { status: 200, body: userInfo() };
  });
  const list = <T>(path: string, records: T[]) =>
    server.on(
      'GET',
      path,
      (request) => authorize(request) ?? { status: 200, body: page(records, request) },
    );
  return {
    server,
    clock,
    issued,
    ttl,
    revokeAll: () => {
      for (const t of issued) revoked.add(t);
    },
    authorize,
    list,
  };
}

/** The docs/ims-api.md §4 list envelope for the requested 0-based page. */
export function page<T>(records: T[], request: RecordedRequest): ListEnvelope<T> {
  const size = Number(request.query.get('size') ?? 1000);
  const index = Number(request.query.get('page') ?? 0);
  return {
    records: records.slice(index * size, index * size + size),
    _metadata: {
      page: index,
      records_per_page: size,
      page_count: Math.ceil(records.length / size),
      total_count: records.length,
    },
  };
}

export function userInfo() {
  return {
    user_id: '100000000000001',
    tenant_id: TENANT_ID,
    tenant_name: 'Test tenant',
    tenant_domain_name: 'test.example',
    principal_id: ACCESS_KEY,
    type: 'API',
    auth_type: 'IMS_AUTH',
    roles: ['Administrator'],
    groups: ['Administrators'],
    permissions: ['*'],
  };
}
