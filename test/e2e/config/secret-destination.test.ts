import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { useServe } from '../../helpers/lifecycle.js';

/**
 * A stored secret goes only where it belongs (docs/security.md): plain http only to loopback,
 * a profile's secret only to the URL it was saved for, and a login saved only for the tenant
 * the service answered for.
 */
const serve = useServe();
const boxes: Sandbox[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const box of boxes.splice(0)) box.cleanup();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

function admin() {
  if (!serve.admin) throw new Error('serve printed no admin credential');
  return serve.admin;
}

/** A loopback server that records what reaches it; `rewrite` edits serve's answers. */
async function listen(forward = false, rewrite?: (path: string, body: string) => string) {
  const seen: string[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push(`${req.method} ${req.url}`);
    if (!forward) return res.writeHead(500).end();
    const upstream = await fetch(`${serve.url}${req.url}`, {
      method: req.method ?? 'GET',
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => ['authorization', 'content-type'].includes(k)),
      ) as Record<string, string>,
      ...(body === '' ? {} : { body }),
    });
    const text = await upstream.text();
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(rewrite ? rewrite(req.url ?? '', text) : text);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

async function loggedIn(): Promise<Sandbox> {
  const box = sandbox();
  boxes.push(box);
  const result = await spawnCli(
    ['login', '--url', serve.url, '--profile', 'main', '--credential-stdin'],
    {
      env: box.env,
      input: formatCredential(admin()),
    },
  );
  expect(result.exitCode, result.stderr).toBe(0);
  return box;
}

it('login over plain http to a host that is not loopback is refused before any request', async () => {
  const box = sandbox();
  boxes.push(box);
  const result = await spawnCli(
    ['login', '--url', 'http://portal.example.com', '--credential-stdin'],
    {
      env: box.env,
      input: formatCredential(admin()),
    },
  );
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toMatch(/^error: refusing plain http to portal\.example\.com/);
  expect(result.stderr).toMatch(/--insecure-http/);
  expect(existsSync(join(box.home, '.config', 'helixctl', 'config.json'))).toBe(false);
});

it("HELIX_URL or --url elsewhere than the profile's URL never receives its stored secret", async () => {
  const box = await loggedIn();
  const thief = await listen();
  const viaEnv = await spawnCli(['keys', 'list'], {
    env: { ...box.env, HELIX_URL: `${thief.url}/steal` },
  });
  expect(viaEnv.exitCode).toBe(2);
  expect(viaEnv.stderr).toMatch(
    /^error: HELIX_URL \(\S+\/steal\) is not the URL profile main was saved for/,
  );
  const viaFlag = await spawnCli(['--url', thief.url, 'keys', 'list'], { env: box.env });
  expect(viaFlag.exitCode).toBe(2);
  expect(viaFlag.stderr).toMatch(/^error: --url \(\S+\) is not the URL profile main was saved for/);
  expect(thief.seen).toEqual([]);
  // A credential from the environment itself may go to HELIX_URL.
  const own = await spawnCli(['whoami'], {
    env: { ...box.env, HELIX_URL: serve.url, HELIX_CREDENTIAL: formatCredential(admin()) },
  });
  expect(own.exitCode, own.stderr).toBe(0);
});

it('login refuses a service that answers for another tenant, and saves nothing', async () => {
  const box = sandbox();
  boxes.push(box);
  const other = admin().tenantId === '9999999999' ? '8888888888' : '9999999999';
  const liar = await listen(true, (path, body) =>
    path.includes('userinfo') ? body.replaceAll(admin().tenantId, other) : body,
  );
  const result = await spawnCli(
    ['login', '--url', liar.url, '--profile', 'main', '--credential-stdin'],
    {
      env: box.env,
      input: formatCredential(admin()),
    },
  );
  expect(result.exitCode, result.stderr).toBe(3);
  expect(result.stderr).toMatch(
    new RegExp(`^error: the service answered for tenant ${other}, not ${admin().tenantId}`),
  );
  expect(existsSync(join(box.home, '.config', 'helixctl', 'config.json'))).toBe(false);
  expect(existsSync(join(box.home, '.config', 'helixctl', 'credentials.json'))).toBe(false);
});
