import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import { type RealProxy, startTinyproxy } from '../../helpers/tinyproxy.js';
import { makeTlsFixtures, type TlsFixtures } from '../../helpers/tls-fixtures.js';

/**
 * README "Corporate networks", TLS: `serve --tls-cert/--tls-key` with certificates from a
 * private CA (what a TLS-inspecting proxy re-signs with) proves `--ca-file`, through a real
 * CONNECT tunnel too, and each failure's one-line message and fix.
 */

let tls: TlsFixtures;
let proxy: RealProxy;
let box: Sandbox;
const served: ServeProcess[] = [];

beforeAll(async () => {
  tls = await makeTlsFixtures();
  proxy = await startTinyproxy();
  box = sandbox();
}, 60_000);

afterAll(async () => {
  await Promise.all([proxy?.stop(), ...served.map((s) => s.stop())]);
  tls?.cleanup();
  box?.cleanup();
});

async function serveWith(files: { cert: string; key: string }): Promise<ServeProcess> {
  const s = await startServe({ args: ['--tls-cert', files.cert, '--tls-key', files.key] });
  served.push(s);
  return s;
}

const login = (s: ServeProcess, extra: string[] = [], env: Record<string, string> = {}) =>
  spawnCli(['login', '--credential-stdin', '--url', s.url, ...extra], {
    env: { ...box.env, ...env },
    input: formatCredential(s.admin as NonNullable<ServeProcess['admin']>),
  });

const TRUST_HINT =
  'hint: trust the CA that signed it: helixctl login --ca-file <ca.pem>, or NODE_EXTRA_CA_CERTS=<ca.pem>';

describe('a portal behind a private (TLS-inspecting) CA', () => {
  let good: ServeProcess;
  beforeAll(async () => {
    good = await serveWith(tls.good);
  });

  it('without the CA: names the unknown CA and the two fixes, exit 7', async () => {
    const r = await login(good, ['--profile', 'noca']);
    expect(r.exitCode).toBe(7);
    const host = new URL(good.url).host;
    expect(r.stderr).toContain(
      `error: TLS: the certificate of ${host} is signed by an unknown CA (a private or TLS-inspecting one?) (UNABLE_TO_VERIFY_LEAF_SIGNATURE)`,
    );
    expect(r.stderr).toContain(TRUST_HINT);
  });

  it('NODE_EXTRA_CA_CERTS trusts it', async () => {
    const r = await login(good, ['--profile', 'extra', '--dry-run'], {
      NODE_EXTRA_CA_CERTS: tls.caPath,
    });
    expect(r.exitCode, r.stderr).toBe(0);
  });

  it('login --ca-file trusts it and saves it: later commands use it, whoami shows it', async () => {
    const r = await login(good, ['--profile', 'private', '--ca-file', tls.caPath]);
    expect(r.exitCode, r.stderr).toBe(0);
    const list = await spawnCli(['--profile', 'private', 'keys', 'list'], { env: box.env });
    expect(list.exitCode, list.stderr).toBe(0);
    const who = await spawnCli(['--profile', 'private', '--json', 'whoami'], { env: box.env });
    expect(JSON.parse(who.stdout).settings.ca_file).toEqual({ value: tls.caPath, source: 'file' });
  });

  it('the --ca-file also holds inside a CONNECT tunnel through a real proxy', async () => {
    const before = proxy.connects(new URL(good.url).host);
    const r = await spawnCli(['--profile', 'private', 'keys', 'list'], {
      env: { ...box.env, HTTPS_PROXY: proxy.url },
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(proxy.connects(new URL(good.url).host)).toBeGreaterThan(before);
  });

  it('an unreadable --ca-file is a usage error (exit 2), before any request', async () => {
    const r = await login(good, ['--profile', 'bad', '--ca-file', `${tls.dir}/missing.pem`]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`error: cannot read the CA file ${tls.dir}/missing.pem (ENOENT)`);
  });
});

describe('each certificate problem gets its own line and fix', () => {
  it('expired', async () => {
    const s = await serveWith(tls.expired);
    const r = await login(s, ['--ca-file', tls.caPath, '--dry-run']);
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toContain(
      `error: TLS: the certificate of ${new URL(s.url).host} has expired (CERT_HAS_EXPIRED)`,
    );
    expect(r.stderr).toContain("hint: check this computer's clock");
  });

  it('issued for another host name', async () => {
    const s = await serveWith(tls.otherHost);
    const r = await login(s, ['--ca-file', tls.caPath, '--dry-run']);
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toContain(
      `error: TLS: the certificate of ${new URL(s.url).host} is for another host name (ERR_TLS_CERT_ALTNAME_INVALID)`,
    );
    expect(r.stderr).toContain('hint: use in --url the host name the certificate was issued for');
  });

  it('self-signed', async () => {
    const s = await serveWith(tls.selfSigned);
    const r = await login(s, ['--dry-run']);
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toContain(
      `error: TLS: the certificate of ${new URL(s.url).host} is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)`,
    );
    expect(r.stderr).toContain(TRUST_HINT);
  });
});
