import { afterEach, describe, expect, it, vi } from 'vitest';
import { toHelixError } from '../../../src/api/errors.js';
import { ProxyFailure } from '../../../src/api/network-error.js';
import { chooseProxy, proxyLabel } from '../../../src/api/proxy.js';
import type { RequestContext } from '../../../src/api/request-context.js';
import { parseProxyUrl, validateProfile } from '../../../src/config/profile-schema.js';
import { type HelixError, ServiceError } from '../../../src/core/errors.js';
import { ExitCode } from '../../../src/core/exit-codes.js';

/** README "Corporate networks": which proxy applies, and how its and TLS failures read. */

const PORTAL = new URL('https://tenant.onbmc.com/ims/api/v1/access_keys');
const VARS = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
];

function env(values: Record<string, string>): void {
  for (const name of VARS) vi.stubEnv(name, values[name] ?? '');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('chooseProxy (the environment rules are proxy-from-env)', () => {
  it('no variable: direct, source none', async () => {
    env({});
    expect(await chooseProxy(PORTAL, undefined)).toEqual({ url: undefined, source: 'none' });
  });

  it('HTTPS_PROXY for https, naming the variable; lower case wins over upper case', async () => {
    env({ HTTPS_PROXY: 'http://upper:3128' });
    const upper = await chooseProxy(PORTAL, undefined);
    expect([upper.url?.host, upper.source]).toEqual(['upper:3128', 'HTTPS_PROXY']);
    env({ HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128' });
    const lower = await chooseProxy(PORTAL, undefined);
    expect([lower.url?.host, lower.source]).toEqual(['lower:3128', 'https_proxy']);
  });

  it('HTTP_PROXY is for http targets only; ALL_PROXY is the fall-back', async () => {
    env({ HTTP_PROXY: 'http://plain:8080' });
    expect((await chooseProxy(PORTAL, undefined)).source).toBe('none');
    const http = await chooseProxy(new URL('http://127.0.0.1:8787/'), undefined);
    expect([http.url?.host, http.source]).toEqual(['plain:8080', 'HTTP_PROXY']);
    env({ ALL_PROXY: 'http://all:1' });
    expect((await chooseProxy(PORTAL, undefined)).source).toBe('ALL_PROXY');
  });

  it.each([
    ['*'],
    ['tenant.onbmc.com'],
    ['.onbmc.com'],
    ['*.onbmc.com'],
    ['other.example, tenant.onbmc.com'],
    ['tenant.onbmc.com:443'],
  ])('NO_PROXY=%s bypasses the proxy (source NO_PROXY)', async (list) => {
    env({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: list });
    expect(await chooseProxy(PORTAL, undefined)).toEqual({ url: undefined, source: 'NO_PROXY' });
  });

  it('NO_PROXY with another port, another domain, or a bare parent name does not bypass', async () => {
    // A bare `onbmc.com` is that host only (proxy-from-env's rule): `.onbmc.com` is the domain.
    env({
      HTTPS_PROXY: 'http://proxy:3128',
      no_proxy: 'tenant.onbmc.com:8443,example.com,onbmc.com',
    });
    expect((await chooseProxy(PORTAL, undefined)).source).toBe('HTTPS_PROXY');
  });

  it('loopback gets no special case (like curl): only NO_PROXY bypasses it', async () => {
    env({ HTTPS_PROXY: 'http://proxy:3128' });
    const loop = new URL('https://127.0.0.1:8787/');
    expect((await chooseProxy(loop, undefined)).source).toBe('HTTPS_PROXY');
    env({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost,127.0.0.1' });
    expect((await chooseProxy(loop, undefined)).source).toBe('NO_PROXY');
  });

  it("a profile's pinned proxy wins over the variables and NO_PROXY", async () => {
    env({ HTTPS_PROXY: 'http://env:1', NO_PROXY: '*' });
    const pinned = await chooseProxy(PORTAL, 'http://pinned:3128');
    expect([pinned.url?.host, pinned.source]).toEqual(['pinned:3128', 'profile']);
  });

  it('proxyLabel never shows the user or the password', () => {
    expect(proxyLabel(new URL('http://alice:s3cret@proxy.corp:3128'))).toBe(
      'http://proxy.corp:3128',
    );
  });
});

describe('parseProxyUrl (login --proxy)', () => {
  it('keeps scheme, host and port', () => {
    expect(parseProxyUrl(' http://proxy.corp:3128/ ', '--proxy')).toBe('http://proxy.corp:3128');
    expect(parseProxyUrl('https://proxy.corp', '--proxy')).toBe('https://proxy.corp');
  });

  it.each([
    ['http://alice:pw@proxy:3128', '--proxy must not hold a user or password'],
    ['socks5://proxy:1080', '--proxy must start with http:// or https://'],
    ['proxy:3128', '--proxy must start with http:// or https://'],
    ['http://proxy:3128/path', '--proxy must be scheme, host and port only'],
    ['not a url', '--proxy is not a URL'],
  ])('refuses %s', (text, message) => {
    expect(() => parseProxyUrl(text, '--proxy')).toThrow(message);
  });
});

const GET: RequestContext = {
  method: 'GET',
  path: '/ims/api/v1/access_keys',
  host: 'portal.example',
};
const POST: RequestContext = { ...GET, method: 'POST' };

function viaProxy(fields: { code: string; status?: number; hadCredentials?: boolean }) {
  const failure = new ProxyFailure({
    proxy: 'http://proxy.corp:3128',
    source: 'HTTPS_PROXY',
    hadCredentials: false,
    ...fields,
  });
  return new TypeError('fetch failed', { cause: failure });
}

function tls(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

describe('proxy failures: their own message and hint, exit 7, never OUTCOME_UNKNOWN', () => {
  it.each([
    [
      { code: 'ECONNREFUSED' },
      'cannot connect to the proxy http://proxy.corp:3128: connection refused',
      'check HTTPS_PROXY (helixctl whoami shows the proxy in force), or add portal.example to NO_PROXY',
    ],
    [
      { code: 'ENOTFOUND' },
      'cannot resolve the proxy host in http://proxy.corp:3128 (ENOTFOUND)',
      'check HTTPS_PROXY (helixctl whoami shows the proxy in force), or add portal.example to NO_PROXY',
    ],
    [
      { code: 'PROXY_407', status: 407 },
      'the proxy http://proxy.corp:3128 requires authentication (407)',
      'put the user and password in HTTPS_PROXY: http://user:password@host:port',
    ],
    [
      { code: 'PROXY_407', status: 407, hadCredentials: true },
      'the proxy http://proxy.corp:3128 refused the user and password in HTTPS_PROXY (407)',
      'check the user and password in the proxy URL (percent-encode special characters)',
    ],
    [
      { code: 'PROXY_403', status: 403 },
      'the proxy http://proxy.corp:3128 refused the connection to portal.example (403)',
      "ask the proxy's administrators to allow portal.example, or check HTTPS_PROXY (helixctl whoami shows the proxy in force), or add portal.example to NO_PROXY",
    ],
  ])('%o', (fields, message, hint) => {
    for (const context of [GET, POST]) {
      const error = toHelixError(viaProxy(fields), context) as HelixError;
      expect(error).toBeInstanceOf(ServiceError);
      expect(error.exitCode).toBe(ExitCode.SERVICE);
      expect(error.code).toBe('PROXY_ERROR');
      expect(error.message).toBe(message);
      expect(error.hint).toBe(hint);
    }
  });
});

describe('TLS failures: the problem and the fix, exit 7', () => {
  const trust =
    'trust the CA that signed it: helixctl login --ca-file <ca.pem>, or NODE_EXTRA_CA_CERTS=<ca.pem>';
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'is self-signed', trust],
    [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'is signed by an unknown CA (a private or TLS-inspecting one?)',
      trust,
    ],
    [
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'is signed by an unknown CA (a private or TLS-inspecting one?)',
      trust,
    ],
    [
      'CERT_HAS_EXPIRED',
      'has expired',
      "check this computer's clock; otherwise the portal (or the inspecting proxy) must renew it",
    ],
    ['CERT_NOT_YET_VALID', 'is not valid yet', "check this computer's clock"],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'is for another host name',
      'use in --url the host name the certificate was issued for',
    ],
  ])('%s', (code, problem, hint) => {
    const error = toHelixError(tls(code), GET) as HelixError;
    expect(error.exitCode).toBe(ExitCode.SERVICE);
    expect(error.code).toBe('TLS_ERROR');
    expect(error.message).toBe(`TLS: the certificate of portal.example ${problem} (${code})`);
    expect(error.hint).toBe(hint);
  });
});

describe('a profile pins a proxy and a CA file (config.json)', () => {
  const base = { url: 'https://tenant.onbmc.com', tenant_id: '123', access_key: 'A'.repeat(30) };
  it('keeps proxy (normalised) and ca_file', () => {
    const profile = validateProfile('prod', {
      ...base,
      proxy: 'http://proxy.corp:3128/',
      ca_file: '/etc/ssl/corp-ca.pem',
    });
    expect(profile).toMatchObject({
      proxy: 'http://proxy.corp:3128',
      ca_file: '/etc/ssl/corp-ca.pem',
    });
  });

  it('refuses a hand-written proxy with a password, naming the profile', () => {
    expect(() =>
      validateProfile('prod', { ...base, proxy: 'http://alice:pw@proxy.corp:3128' }),
    ).toThrow('profile prod proxy must not hold a user or password');
  });
});
