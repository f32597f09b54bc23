import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { needsFiles, type ResolveInput, resolveSettings } from '../../../src/config/resolve.js';
import type { GlobalFlags, LoadedFiles, Settings } from '../../../src/config/settings.js';
import { formatCredential } from '../../../src/core/credential.js';
import type { Env } from '../../../src/core/env.js';
import { AuthError, UsageError } from '../../../src/core/errors.js';
import { Redacted } from '../../../src/core/redacted.js';
import { AK, AK2, SK, SK2 } from './temp-dir.js';

const AK3 = 'LOCAL0000000000000000000000001';
const SK3 = 'L'.repeat(50);
const ENV_AK = 'ENV000000000000000000000000001';
const ENV_SK = 'E'.repeat(50);

const files: LoadedFiles = {
  profiles: {
    current_profile: 'prod',
    profiles: {
      prod: { url: 'https://prod.example', tenant_id: '1111111111', access_key: AK },
      dev: { url: 'https://dev.example', tenant_id: '2222222222', access_key: AK2, output: 'json' },
      local: { tenant_id: '1000000001', access_key: AK3 },
      bare: { url: 'https://bare.example', tenant_id: '3333333333', access_key: AK2 },
    },
  },
  secrets: { prod: new Redacted(SK), dev: new Redacted(SK2), local: new Redacted(SK3) },
};
const noFiles: LoadedFiles = { profiles: { profiles: {} }, secrets: {} };
const envCredential = formatCredential({
  accessKey: ENV_AK,
  secretKey: ENV_SK,
  tenantId: '9999999999',
});

function resolve(flags: GlobalFlags, env: Env, more: Partial<ResolveInput> = {}): Settings {
  return resolveSettings({ flags, env, files, ...more });
}

/** `value@source` for each setting: compact enough for a precedence table. */
function summary(s: Settings): Record<string, string> {
  const show = (v: { value: unknown; source: string }) =>
    `${v.value instanceof Redacted ? v.value.reveal() : String(v.value)}@${v.source}`;
  return {
    mode: s.mode,
    profile: show(s.profile),
    url: show(s.url),
    tenant: show(s.tenantId),
    key: show(s.accessKey),
    secret: show(s.secretKey),
  };
}

describe('resolveSettings precedence', () => {
  it.each<[string, GlobalFlags, Env, Record<string, string>]>([
    [
      'the current profile',
      {},
      {},
      {
        mode: 'profile',
        profile: 'prod@file',
        url: 'https://prod.example@file',
        tenant: '1111111111@file',
        key: `${AK}@file`,
        secret: `${SK}@file`,
      },
    ],
    [
      '--profile',
      { profile: 'dev' },
      {},
      {
        profile: 'dev@flag',
        url: 'https://dev.example@file',
        key: `${AK2}@file`,
        secret: `${SK2}@file`,
      },
    ],
    [
      'HELIXCTL_PROFILE',
      {},
      { HELIXCTL_PROFILE: 'dev' },
      { profile: 'dev@env', url: 'https://dev.example@file' },
    ],
    [
      '--profile over HELIXCTL_PROFILE',
      { profile: 'prod' },
      { HELIXCTL_PROFILE: 'dev' },
      { profile: 'prod@flag' },
    ],
    [
      // Same destination only: a stored secret goes nowhere else (see below).
      'HELIX_URL over the file',
      {},
      { HELIX_URL: 'https://prod.example/env/' },
      { url: 'https://prod.example/env@env' },
    ],
    [
      '--url over HELIX_URL',
      { url: 'https://prod.example/flag' },
      { HELIX_URL: 'https://prod.example/env' },
      { url: 'https://prod.example/flag@flag' },
    ],
    [
      'HELIX_TENANT_ID over the file',
      {},
      { HELIX_TENANT_ID: '5555555555' },
      { tenant: '5555555555@env' },
    ],
    [
      '--tenant over HELIX_TENANT_ID',
      { tenant: '6666666666' },
      { HELIX_TENANT_ID: '5555555555' },
      { tenant: '6666666666@flag' },
    ],
    [
      'HELIX_SECRET_KEY alone pairs with the stored key',
      {},
      { HELIX_SECRET_KEY: ENV_SK },
      { key: `${AK}@file`, secret: `${ENV_SK}@env` },
    ],
    [
      'env credentials beat the current profile',
      {},
      { HELIX_CREDENTIAL: envCredential, HELIX_URL: 'https://ci.example' },
      {
        mode: 'env',
        profile: 'undefined@default',
        url: 'https://ci.example@env',
        tenant: '9999999999@env',
        key: `${ENV_AK}@env`,
        secret: `${ENV_SK}@env`,
      },
    ],
    [
      'key and secret variables',
      {},
      {
        HELIX_ACCESS_KEY: ENV_AK,
        HELIX_SECRET_KEY: ENV_SK,
        HELIX_TENANT_ID: '7777777777',
        HELIX_URL: 'https://ci.example',
      },
      { mode: 'env', tenant: '7777777777@env', key: `${ENV_AK}@env`, secret: `${ENV_SK}@env` },
    ],
    [
      'env credentials with an explicit profile',
      { profile: 'prod' },
      { HELIX_CREDENTIAL: envCredential },
      {
        mode: 'profile',
        url: 'https://prod.example@file',
        tenant: '9999999999@env',
        key: `${ENV_AK}@env`,
        secret: `${ENV_SK}@env`,
      },
    ],
    [
      'the local profile',
      { profile: 'local' },
      {},
      {
        mode: 'local',
        url: 'undefined@built-in',
        tenant: '1000000001@file',
        key: `${AK3}@file`,
        secret: `${SK3}@file`,
      },
    ],
    [
      'local ignores HELIX_URL',
      {},
      { HELIXCTL_PROFILE: 'local', HELIX_URL: 'https://x.example' },
      { mode: 'local', url: 'undefined@built-in' },
    ],
  ])('%s', (_label, flags, env, expected) => {
    expect(summary(resolve(flags, env))).toMatchObject(expected);
  });

  it.each([
    [
      'HELIX_URL elsewhere',
      {},
      { HELIX_URL: 'https://proxy.example/' },
      /^HELIX_URL \(https:\/\/proxy\.example\) is not the URL profile prod was saved for/,
    ],
    [
      '--url elsewhere',
      { url: 'https://flag.example' },
      {},
      /^--url .* is not the URL profile prod/,
    ],
    ['another port', { url: 'https://prod.example:8443' }, {}, /is not the URL profile prod/],
    [
      'plain http to a remote host',
      { url: 'http://prod.example' },
      {},
      /^refusing plain http to prod\.example/,
    ],
  ])('a stored secret is not sent to %s', (_label, flags, env, message) => {
    expect(() => resolve(flags, env)).toThrow(message);
  });

  it('plain http to loopback is allowed', () => {
    expect(() =>
      resolveSettings({
        flags: {},
        env: { HELIX_URL: 'http://127.0.0.2:8080', HELIX_CREDENTIAL: envCredential },
        files: noFiles,
      }),
    ).not.toThrow();
  });

  it('ignores empty variables', () => {
    const s = resolve(
      {},
      { HELIX_URL: '', HELIXCTL_PROFILE: '', HELIX_CREDENTIAL: '', HELIXCTL_OUTPUT: '' },
    );
    expect(summary(s)).toMatchObject({ profile: 'prod@file', url: 'https://prod.example@file' });
  });

  it('local before its first use has nothing stored, and needs nothing', () => {
    const s = resolveSettings({ flags: { profile: 'local' }, env: {}, files: noFiles });
    expect(summary(s)).toEqual({
      mode: 'local',
      profile: 'local@flag',
      url: 'undefined@built-in',
      tenant: 'undefined@built-in',
      key: 'undefined@built-in',
      secret: 'undefined@default',
    });
  });

  it('caches tokens with a profile, and in env mode only with HELIXCTL_CACHE=1', () => {
    const ci = { HELIX_CREDENTIAL: envCredential, HELIX_URL: 'https://ci.example' };
    expect(resolve({}, {}).cacheTokens).toBe(true);
    expect(resolve({}, ci).cacheTokens).toBe(false);
    expect(resolve({}, { ...ci, HELIXCTL_CACHE: '1' }).cacheTokens).toBe(true);
  });

  it('never shows the secret when printed', () => {
    const s = resolve({}, {});
    expect(JSON.stringify(s)).not.toContain(SK);
    expect(inspect(s, { depth: 5 })).not.toContain(SK);
  });
});

describe('resolveSettings output and timeout', () => {
  it.each<[string, GlobalFlags, Env, boolean, string]>([
    ['default off a TTY', {}, {}, false, 'tsv@default'],
    ['default on a TTY', {}, {}, true, 'table@default'],
    // A profile's stored preference is not applied: the printer uses flags, env and the TTY.
    ['not the profile', { profile: 'dev' }, {}, true, 'table@default'],
    [
      'HELIXCTL_OUTPUT over the profile',
      { profile: 'dev' },
      { HELIXCTL_OUTPUT: 'ndjson' },
      true,
      'ndjson@env',
    ],
    ['-o over HELIXCTL_OUTPUT', { output: 'tsv' }, { HELIXCTL_OUTPUT: 'ndjson' }, true, 'tsv@flag'],
    ['--json over everything', { json: true }, { HELIXCTL_OUTPUT: 'tsv' }, true, 'json@flag'],
    ['--json with -o json', { json: true, output: 'json' }, {}, true, 'json@flag'],
  ])('%s', (_label, flags, env, tty, expected) => {
    const { output } = resolve(flags, env, { stdoutIsTty: tty });
    expect(`${output.value}@${output.source}`).toBe(expected);
  });

  it('reads --timeout, 30s by default', () => {
    expect(resolve({}, {}).timeoutMs).toEqual({ value: 30_000, source: 'default' });
    expect(resolve({ timeout: '5s' }, {}).timeoutMs).toEqual({ value: 5_000, source: 'flag' });
    expect(resolve({ timeout: '2m' }, {}).timeoutMs.value).toBe(120_000);
  });

  it.each<[GlobalFlags, RegExp]>([
    [{ timeout: '30' }, /invalid --timeout "30": add a unit/],
    [{ timeout: '0s' }, /--timeout .* longer than zero/],
    [{ timeout: '2d' }, /--timeout must be at most 24h/],
    [{ json: true, output: 'tsv' }, /--json conflicts with --output "tsv"/],
    [{ output: 'xml' }, /invalid --output value "xml": expected one of table, json, ndjson, tsv/],
    [{ url: 'nope' }, /--url "nope" is not a URL/],
    [{ tenant: 'acme' }, /--tenant must be a numeric tenant id/],
    [{ accessKey: 'short' }, /--access-key must be 30/],
    [{ profile: 'a b' }, /invalid --profile value "a b"/],
    [{ profile: 'local', url: 'https://x.example' }, /--url cannot be used with the local profile/],
  ])('refuses bad flags %j', (flags, message) => {
    expect(() => resolve(flags, {})).toThrow(UsageError);
    expect(() => resolve(flags, {})).toThrow(message);
  });
});

describe('resolveSettings errors', () => {
  it('with nothing to log in with: exit 3, naming login and --profile local', () => {
    let error: AuthError | undefined;
    try {
      resolveSettings({ flags: {}, env: {}, files: noFiles });
    } catch (e) {
      error = e as AuthError;
    }
    expect(error).toBeInstanceOf(AuthError);
    expect(error?.exitCode).toBe(3);
    expect(error?.message).toBe('not logged in: no profile and no credentials in the environment');
    expect(error?.hint).toMatch(/helixctl login/);
    expect(error?.hint).toMatch(/--profile local/);
  });

  it('without requiring credentials, reports mode none with what flags and env gave', () => {
    const s = resolveSettings({
      flags: { url: 'https://new.example', accessKey: AK },
      env: { HELIX_SECRET_KEY: ENV_SK },
      files: noFiles,
      requireCredentials: false,
    });
    expect(summary(s)).toEqual({
      mode: 'none',
      profile: 'undefined@default',
      url: 'https://new.example@flag',
      tenant: 'undefined@default',
      key: `${AK}@flag`,
      secret: `${ENV_SK}@env`,
    });
  });

  it.each<[string, GlobalFlags, Env, LoadedFiles, typeof AuthError | typeof UsageError, RegExp]>([
    [
      'unknown --profile',
      { profile: 'ghost' },
      {},
      files,
      AuthError,
      /^no profile named "ghost" \(from --profile\)$/,
    ],
    [
      'unknown HELIXCTL_PROFILE',
      {},
      { HELIXCTL_PROFILE: 'ghost' },
      files,
      AuthError,
      /\(from HELIXCTL_PROFILE\)/,
    ],
    [
      'dangling current_profile',
      {},
      {},
      { ...files, profiles: { ...files.profiles, current_profile: 'gone' } },
      AuthError,
      /\(from current_profile in config.json\)/,
    ],
    [
      'a profile without a secret',
      { profile: 'bare' },
      {},
      files,
      AuthError,
      /^profile bare has no stored secret$/,
    ],
    [
      'a key from env without its secret',
      {},
      { HELIX_ACCESS_KEY: ENV_AK },
      files,
      AuthError,
      /^no secret key for the access key from HELIX_ACCESS_KEY$/,
    ],
    [
      'only HELIX_ACCESS_KEY, no profile',
      {},
      { HELIX_ACCESS_KEY: ENV_AK },
      noFiles,
      AuthError,
      /^HELIX_ACCESS_KEY is set but HELIX_SECRET_KEY is not$/,
    ],
    [
      'only HELIX_SECRET_KEY, no profile',
      {},
      { HELIX_SECRET_KEY: ENV_SK },
      noFiles,
      AuthError,
      /^HELIX_SECRET_KEY is set but HELIX_ACCESS_KEY is not$/,
    ],
    [
      'env credentials without a URL',
      {},
      { HELIX_CREDENTIAL: envCredential },
      noFiles,
      UsageError,
      /no portal URL: set HELIX_URL/,
    ],
    [
      'HELIXCTL_OUTPUT=xml',
      {},
      { HELIXCTL_OUTPUT: 'xml' },
      files,
      UsageError,
      /^invalid HELIXCTL_OUTPUT value "xml": expected one of table, json, ndjson, tsv$/,
    ],
    [
      'HELIX_URL not http(s)',
      {},
      { HELIX_URL: 'file:///etc/passwd' },
      files,
      UsageError,
      /^HELIX_URL must start with https:\/\//,
    ],
    [
      'HELIX_TENANT_ID not numeric',
      {},
      { HELIX_TENANT_ID: 'acme' },
      files,
      UsageError,
      /^HELIX_TENANT_ID must be a numeric tenant id/,
    ],
    [
      'HELIXCTL_PROFILE malformed',
      {},
      { HELIXCTL_PROFILE: '../x' },
      files,
      UsageError,
      /invalid HELIXCTL_PROFILE value/,
    ],
    [
      'HELIX_CREDENTIAL malformed',
      {},
      { HELIX_CREDENTIAL: `key:${ENV_AK}::${ENV_SK}` },
      files,
      UsageError,
      /^HELIX_CREDENTIAL: invalid credential: missing ",tenant id:/,
    ],
    [
      'HELIX_ACCESS_KEY malformed',
      {},
      { HELIX_ACCESS_KEY: 'abc' },
      files,
      UsageError,
      /^HELIX_ACCESS_KEY must be 30/,
    ],
    [
      'HELIX_SECRET_KEY malformed',
      {},
      { HELIX_SECRET_KEY: `${ENV_SK}x` },
      files,
      UsageError,
      /^HELIX_SECRET_KEY must be 50 letters and digits, got 51/,
    ],
    [
      'both credential forms',
      {},
      { HELIX_CREDENTIAL: envCredential, HELIX_SECRET_KEY: ENV_SK },
      files,
      UsageError,
      /either HELIX_CREDENTIAL or HELIX_ACCESS_KEY/,
    ],
    [
      'credential tenant mismatch',
      {},
      { HELIX_CREDENTIAL: envCredential, HELIX_TENANT_ID: '1' },
      files,
      UsageError,
      /HELIX_TENANT_ID does not match/,
    ],
  ])('%s', (_label, flags, env, loaded, type, message) => {
    let error: Error | undefined;
    try {
      resolveSettings({ flags, env, files: loaded });
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(type);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain(ENV_SK);
  });
});

describe('needsFiles', () => {
  it('skips the files only for complete env credentials and no profile asked for', () => {
    const ci = { HELIX_CREDENTIAL: envCredential, HELIX_URL: 'https://ci.example' };
    expect(needsFiles({}, ci)).toBe(false);
    expect(needsFiles({}, { HELIX_ACCESS_KEY: ENV_AK, HELIX_SECRET_KEY: ENV_SK })).toBe(false);
    expect(needsFiles({ profile: 'prod' }, ci)).toBe(true);
    expect(needsFiles({}, { ...ci, HELIXCTL_PROFILE: 'prod' })).toBe(true);
    expect(needsFiles({}, { HELIX_SECRET_KEY: ENV_SK })).toBe(true);
    expect(needsFiles({}, {})).toBe(true);
  });
});
