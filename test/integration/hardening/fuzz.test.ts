import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/emulator/index.js';
import { openDatabase } from '../../../src/emulator/store/sqlite.js';
import { fixtureSeed } from '../../helpers/emulator-server.js';
import { dbViolations } from './db-invariants.js';
import { type FuzzRequest, type Route, requestArbitrary, VALID_AUTH } from './fuzz-arbitraries.js';
import { freshTokens, type RunState, remember, send, startRun } from './fuzz-run.js';
import { START } from './in-process.js';

// Reproduce a failure with the seed (and path) fast-check prints:
//   HELIXCTL_FUZZ_SEED=<seed> npx vitest run test/integration/hardening/fuzz.test.ts
const SEED = Number(process.env.HELIXCTL_FUZZ_SEED ?? 20260115);
const RUNS = Number(process.env.HELIXCTL_FUZZ_RUNS ?? 300);
const MAX_REQUESTS = 50;

const REASONS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};
/** Paths that answer without a bearer token. */
const OPEN_PATHS = new Set([
  '/ims/api/v1/access_keys/login',
  '/ims/api/v1/auth/tokens',
  '/__emulator/health',
  '/__emulator/clock',
]);

let dir = '';
let template = '';
let routes: Route[] = [];
const statuses = new Map<number, number>();
let sent = 0;
let runs = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'helixctl-fuzz-'));
  template = join(dir, 'template.db');
  const seeded = createEmulator({
    db: template,
    seed: fixtureSeed('seed-basic.json'),
    testClock: true,
    now: START,
  });
  const seen = new Set<string>();
  routes = seeded.app.routes
    .filter(
      (r) =>
        r.method !== 'ALL' &&
        !seen.has(`${r.method} ${r.path}`) &&
        seen.add(`${r.method} ${r.path}`),
    )
    .map(({ method, path }) => ({ method, path }));
  seeded.close();
});
afterAll(() => {
  console.log(
    `fuzz: seed ${SEED}, ${runs} runs, ${sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
  );
  rmSync(dir, { recursive: true, force: true });
});

/** Every response: never 5xx, JSON, and every error exactly the IMS envelope. */
function checkResponse(state: RunState, req: FuzzRequest, out: Awaited<ReturnType<typeof send>>) {
  const { response, text, url, method } = out;
  const where = `${method} ${url.pathname.slice(0, 80)}`;
  expect(response.status, where).toBeLessThan(500);
  if (!OPEN_PATHS.has(url.pathname) && !VALID_AUTH.has(req.auth)) {
    expect(response.status, `${where} without a valid token`).toBeGreaterThanOrEqual(400);
  }
  if (method === 'HEAD' || response.status === 204) {
    expect(text, where).toBe('');
    return undefined;
  }
  expect(response.headers.get('content-type'), where).toMatch(/^application\/json\b/);
  const body = JSON.parse(text);
  if (response.status < 400) return body;
  expect(Object.keys(body).sort(), where).toEqual(['code', 'error', 'message', 'timestamp']);
  expect([body.code, body.message], where).toEqual([response.status, REASONS[response.status]]);
  expect(body.timestamp, where).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  expect(typeof body.error === 'string' && body.error.length > 0, where).toBe(true);
  if (response.status === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
  if (response.status === 405) expect(response.headers.get('allow'), where).toBeTruthy();
  for (const secret of [...state.pools.secret, ...state.pools.refresh]) {
    expect(text.includes(secret), `${where} echoes a secret`).toBe(false);
  }
  return body;
}

async function runOnce(requests: FuzzRequest[]): Promise<void> {
  runs += 1;
  const db = join(dir, `run-${runs}.db`);
  copyFileSync(template, db);
  const state = await startRun(db);
  try {
    for (const req of requests) {
      const out = await send(state, req, routes);
      sent += 1;
      statuses.set(out.response.status, (statuses.get(out.response.status) ?? 0) + 1);
      remember(state, out.response.status, checkResponse(state, req, out));
      if (out.url.pathname === '/__emulator/clock' && out.response.status === 200) {
        state.tokens = await freshTokens(state.emulator, state.tokens);
      }
    }
    expect(state.errors, 'unexpected errors logged').toEqual([]);
  } finally {
    state.emulator.close();
  }
  const check = openDatabase(db);
  try {
    expect(dbViolations(check)).toEqual([]);
  } finally {
    check.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  }
}

describe('the emulator under random requests', () => {
  it('never answers 5xx or a non-envelope error, and keeps the database consistent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestArbitrary(routes), { minLength: 5, maxLength: MAX_REQUESTS, size: 'max' }),
        runOnce,
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
    // The generator must reach every kind of answer, or the property proves little.
    for (const status of [200, 201, 204, 400, 401, 403, 404, 405, 413, 415]) {
      expect(statuses.get(status) ?? 0, `status ${status} never seen`).toBeGreaterThan(0);
    }
    expect(sent).toBeGreaterThan(RUNS * 10);
  }, 120_000);
});
