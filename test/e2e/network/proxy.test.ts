import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import { type RealProxy, startTinyproxy } from '../../helpers/tinyproxy.js';

/**
 * README "Corporate networks": a real proxy (tinyproxy) on loopback, with and without
 * authentication, in front of `serve --tls`; the built binary goes through it with CONNECT.
 */

const USER = 'alice';
const PASSWORD = 'Pr0xyPassw0rd-7f3';

let serve: ServeProcess;
let caPath: string;
let open: RealProxy;
let authed: RealProxy;
let box: Sandbox;
let hostPort: string;

beforeAll(async () => {
  serve = await startServe({ args: ['--tls'] });
  caPath = /TLS CA certificate: (\S+)/.exec(serve.stderr())?.[1] ?? '';
  expect(caPath).not.toBe('');
  hostPort = new URL(serve.url).host;
  open = await startTinyproxy();
  authed = await startTinyproxy({ auth: { user: USER, password: PASSWORD } });
  box = sandbox({ NODE_EXTRA_CA_CERTS: caPath });
}, 60_000);

afterAll(async () => {
  await Promise.all([open?.stop(), authed?.stop(), serve?.stop()]);
  box?.cleanup();
});

const credential = () => formatCredential(serve.admin as NonNullable<ServeProcess['admin']>);
const cli = (argv: string[], env: Record<string, string> = {}, input?: string) =>
  spawnCli(argv, { env: { ...box.env, ...env }, ...(input === undefined ? {} : { input }) });
const withAuth = (password = PASSWORD) =>
  `http://${USER}:${encodeURIComponent(password)}@127.0.0.1:${authed.port}`;

describe('through a real proxy (tinyproxy) to serve --tls', () => {
  it('login, keys list, keys add and keys rotate all go through the CONNECT tunnel', async () => {
    const env = { HTTPS_PROXY: open.url };
    const before = open.connects(hostPort);
    const login = await cli(
      ['login', '--credential-stdin', '--url', serve.url, '--profile', 'viaproxy'],
      env,
      credential(),
    );
    expect(login.exitCode, login.stderr).toBe(0);
    const afterLogin = open.connects(hostPort);
    expect(afterLogin).toBeGreaterThan(before);

    const list = await cli(['--profile', 'viaproxy', '--json', 'keys', 'list'], env);
    expect(list.exitCode, list.stderr).toBe(0);
    const add = await cli(
      ['--profile', 'viaproxy', '--json', 'keys', 'add', 'net-proxy', '--expires', '30d'],
      env,
    );
    expect(add.exitCode, add.stderr).toBe(0);
    const rotate = await cli(
      ['--profile', 'viaproxy', '--json', 'keys', 'rotate', 'net-proxy'],
      env,
    );
    expect(rotate.exitCode, rotate.stderr).toBe(0);
    expect(open.connects(hostPort)).toBeGreaterThanOrEqual(afterLogin + 3);
  });

  it('whoami names the proxy in force and the variable that chose it', async () => {
    const r = await cli(['--profile', 'viaproxy', '--json', 'whoami'], { https_proxy: open.url });
    expect(r.exitCode, r.stderr).toBe(0);
    const proxy = JSON.parse(r.stdout).settings.proxy;
    expect(proxy).toEqual({ value: open.url, source: 'env', from: 'https_proxy' });
  });

  it('NO_PROXY bypasses it: the proxy logs no tunnel for the request', async () => {
    const before = open.connects(hostPort);
    const env = { HTTPS_PROXY: open.url, NO_PROXY: 'example.com,127.0.0.1' };
    const r = await cli(['--profile', 'viaproxy', '--json', 'whoami'], env);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).settings.proxy).toEqual({
      value: null,
      source: 'env',
      from: 'NO_PROXY',
    });
    expect(open.connects(hostPort)).toBe(before);
    // The control: the same run without NO_PROXY does leave a line.
    await cli(['--profile', 'viaproxy', 'whoami'], { HTTPS_PROXY: open.url });
    expect(open.connects(hostPort)).toBeGreaterThan(before);
  });

  it('login --proxy pins the proxy in the profile; whoami says it came from the profile', async () => {
    const login = await cli(
      [
        'login',
        '--credential-stdin',
        '--url',
        serve.url,
        '--profile',
        'pinned',
        '--proxy',
        open.url,
      ],
      {},
      credential(),
    );
    expect(login.exitCode, login.stderr).toBe(0);
    const before = open.connects(hostPort);
    const r = await cli(['--profile', 'pinned', '--json', 'whoami']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).settings.proxy).toEqual({
      value: open.url,
      source: 'file',
      from: 'profile',
    });
    expect(open.connects(hostPort)).toBeGreaterThan(before);
  });

  it('refuses a password in --proxy (it would be saved and seen in argv)', async () => {
    const r = await cli(
      ['login', '--credential-stdin', '--url', serve.url, '--proxy', withAuth()],
      {},
      credential(),
    );
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--proxy must not hold a user or password');
    expect(r.stderr).not.toContain(PASSWORD);
  });
});

describe('an authenticating proxy', () => {
  it('takes the user and password from the proxy URL; --debug shows its host only', async () => {
    const env = { HTTPS_PROXY: withAuth() };
    const login = await cli(
      ['--debug', 'login', '--credential-stdin', '--url', serve.url, '--profile', 'authed'],
      env,
      credential(),
    );
    expect(login.exitCode, login.stderr).toBe(0);
    expect(login.stderr).toContain(`network: proxy http://127.0.0.1:${authed.port} (HTTPS_PROXY)`);
    const list = await cli(['--debug', '--profile', 'authed', 'keys', 'list'], env);
    expect(list.exitCode, list.stderr).toBe(0);
    expect(authed.connects(hostPort)).toBeGreaterThanOrEqual(2);
    for (const out of [login.stdout, login.stderr, list.stdout, list.stderr]) {
      expect(out).not.toContain(PASSWORD);
      expect(out).not.toContain(serve.admin?.secretKey);
    }
  });

  it('without credentials: 407 named as the proxy asking for them, exit 7', async () => {
    const r = await cli(['--profile', 'authed', 'keys', 'list'], {
      HTTPS_PROXY: `http://127.0.0.1:${authed.port}`,
    });
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toContain(
      `error: the proxy http://127.0.0.1:${authed.port} requires authentication (407)`,
    );
    expect(r.stderr).toContain('hint: put the user and password in HTTPS_PROXY');
  });

  it('with a wrong password: 401/407 named as the credentials refused, never printed', async () => {
    const wrong = 'Wr0ngPassw0rd-x1';
    const r = await cli(['--debug', '--profile', 'authed', 'keys', 'list'], {
      HTTPS_PROXY: withAuth(wrong),
    });
    expect(r.exitCode).toBe(7);
    // tinyproxy answers a wrong password with 401 where most proxies send 407 again.
    expect(r.stderr).toMatch(/refused the user and password in HTTPS_PROXY \((401|407)\)/);
    expect(r.stderr).not.toContain(wrong);
  });
});

describe('a proxy that is not there', () => {
  it('connection refused: its own message naming the proxy and the variable, exit 7', async () => {
    const r = await cli(['--profile', 'authed', 'keys', 'list'], {
      HTTPS_PROXY: 'http://127.0.0.1:1',
    });
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toContain(
      'error: cannot connect to the proxy http://127.0.0.1:1: connection refused',
    );
    expect(r.stderr).toContain(`hint: check HTTPS_PROXY`);
    expect(r.stderr).toContain(`add ${hostPort} to NO_PROXY`);
  });

  it('a proxy host that does not resolve: its own message, exit 7', async () => {
    const r = await cli(['--profile', 'authed', 'keys', 'list'], {
      HTTPS_PROXY: 'http://proxy.invalid:3128',
    });
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toMatch(
      /error: cannot resolve the proxy host in http:\/\/proxy\.invalid:3128 \((ENOTFOUND|EAI_AGAIN)\)/,
    );
  });
});
