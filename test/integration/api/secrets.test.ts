import { afterEach, beforeEach, expect, it } from 'vitest';
import { createImsClient, type ImsClient } from '../../../src/api/client.js';
import type { TraceEvent } from '../../../src/api/http.js';
import { imsError } from '../../helpers/http-fault-server.js';
import {
  ACCESS_KEY,
  type ImsLoopback,
  SECRET_KEY,
  startImsLoopback,
  TENANT_ID,
} from './ims-loopback.js';

const V1 = '/ims/api/v1';
const WRONG_SECRET = 'Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq1Wq';
const NEW_SECRET = 'Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn2Nn';
let ims: ImsLoopback;
let traces: TraceEvent[];

beforeEach(async () => {
  ims = await startImsLoopback();
  traces = [];
});
afterEach(async () => {
  await ims.server.close();
});

function client(secretKey = SECRET_KEY, timeoutMs = 2000): ImsClient {
  return createImsClient({
    baseUrl: ims.server.url,
    credential: { accessKey: ACCESS_KEY, secretKey, tenantId: TENANT_ID },
    timeoutMs,
    now: () => ims.clock.now,
    onTrace: (event) => traces.push(event),
  });
}

/** Everything a user could ever see of an error: message, hint, stack, fields, causes. */
function visible(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth += 1) {
    parts.push(String(current), current.stack ?? '', JSON.stringify(current));
    parts.push(String((current as { hint?: unknown }).hint ?? ''));
    current = current.cause;
  }
  return parts.join('\n');
}

function echoingSecrets(request: { body: string; headers: Record<string, unknown> }): string {
  return `you sent ${request.body} with ${String(request.headers.authorization)}`;
}

it('never shows a secret or a token in any error or trace, whatever the service echoes', async () => {
  const scenarios: Array<() => Promise<unknown>> = [
    // Plain success paths, for the traces.
    async () => {
      const c = client();
      await c.userinfo();
      ims.revokeAll();
      await c.userinfo();
    },
    // Login refused with the request body (secret included) echoed in the error text.
    async () => {
      ims.server.on('POST', `${V1}/access_keys/login`, (r) => ({
        status: 400,
        body: imsError(400, echoingSecrets(r)),
      }));
      await client().login();
    },
    async () => {
      ims.server.on('POST', `${V1}/access_keys/login`, (r) => ({
        status: 401,
        body: imsError(401, echoingSecrets(r)),
      }));
      await client(WRONG_SECRET).login();
    },
    async () => {
      ims.server.on('POST', `${V1}/access_keys/login`, (r) => ({
        status: 500,
        body: `<pre>${echoingSecrets(r)}</pre>`,
      }));
      await client().login();
    },
    async () => {
      ims.server.on('POST', `${V1}/access_keys/login`, { reset: true });
      await client().login();
    },
    async () => {
      ims.server.on('POST', `${V1}/access_keys/login`, { hang: true });
      await client(SECRET_KEY, 300).login();
    },
  ];
  // Protected calls whose errors echo the bearer token.
  const echoes: Array<[number, string, (c: ImsClient) => Promise<unknown>]> = [
    [401, `${V1}/userinfo`, (c) => c.userinfo()],
    [403, `${V1}/access_keys/K`, (c) => c.getKey('K')],
    [404, `${V1}/access_keys/K/permissions`, (c) => c.getKeyPermissions('K')],
    [409, `${V1}/access_keys`, (c) => c.createKey({ name: 'x', expiry_enum: '30 days' })],
    [503, `${V1}/access_keys/K/groups`, (c) => c.putKeyGroups('K', ['1'])],
  ];
  for (const [status, path, invoke] of echoes) {
    scenarios.push(async () => {
      await startFresh();
      const method = status === 409 ? 'POST' : status === 503 ? 'PUT' : 'GET';
      ims.server.on(method, path, (r) => ({ status, body: imsError(status, echoingSecrets(r)) }));
      await invoke(client());
    });
  }
  // A one-time secret lost mid-body, and a verification with a wrong secret.
  scenarios.push(async () => {
    await startFresh();
    const body = JSON.stringify({
      access_key: 'K'.repeat(30),
      access_secret_key: NEW_SECRET,
      tenant_id: TENANT_ID,
    });
    ims.server.on('POST', `${V1}/access_keys/K/secret`, {
      truncate: { body, sentBytes: body.length - 10 },
    });
    await client().regenerateSecret('K');
  });
  scenarios.push(async () => {
    await startFresh();
    await client().verifyCredential({ accessKey: ACCESS_KEY, secretKey: WRONG_SECRET });
  });

  const seen: string[] = [];
  for (const scenario of scenarios) {
    await scenario().catch((error: unknown) => seen.push(visible(error)));
  }
  // Every scenario but the first fails; each failure is checked.
  expect(seen).toHaveLength(scenarios.length - 1);
  const forbidden = [SECRET_KEY, WRONG_SECRET, NEW_SECRET, NEW_SECRET.slice(0, 20), ...ims.issued];
  expect(ims.issued.length).toBeGreaterThan(4);
  expect(traces.length).toBeGreaterThan(10);
  const everything = [...seen, ...traces.map((t) => JSON.stringify(t))];
  for (const text of everything) {
    for (const secret of forbidden) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  }
});

/** Resets the login route to the loopback's own (earlier scenarios replaced it). */
async function startFresh(): Promise<void> {
  const issued = ims.issued;
  await ims.server.close();
  const previous = issued.slice();
  ims = await startImsLoopback();
  ims.issued.push(...previous);
}
