import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cred } from './world.js';

/**
 * Bad environments, credential strings and config files. `mode` says how the run gets its
 * credentials: `env` (HELIX_URL + HELIX_CREDENTIAL of the admin, then `env` on top), `bare`
 * (none: only `env`), or `profile` (a stored profile "main" for the admin, written before the
 * case's `setup` spoils something).
 */
/** What a case's environment may refer to. */
export interface Scene {
  /** The portal URL (the fault proxy in front of serve). */
  url: string;
  admin: Cred;
  /** A loopback URL where nothing listens. */
  deadUrl: string;
}

export interface ConfigCase {
  name: string;
  argv: string[];
  mode: 'env' | 'bare' | 'profile';
  env?: (scene: Scene) => Record<string, string>;
  input?: (admin: Cred) => string;
  /** Spoils the config folder after the good profile was written. */
  setup?: (configDir: string) => void;
  exit: number;
  /** The error message (after `error: `); for exit 0, the warning's text. */
  message: RegExp;
  /** Values the output must not echo (a secret-like string, a 10,000-character value). */
  secrets?: (admin: Cred) => string[];
  /** Refused before any request: the service must see none (a stored secret not sent). */
  noRequest?: boolean;
}

const LONG = 'a'.repeat(10_000);
const cred = (c: Cred, secret = c.secretKey) =>
  `key:${c.accessKey}::${secret},tenant id:${c.tenantId}`;
const stdinLogin = ['login', '--credential-stdin'];
const write = (dir: string, name: string, text: string) =>
  writeFileSync(join(dir, name), text, { mode: 0o600 });

/** The good profile every `profile` case starts from. */
export function writeProfile(configDir: string, url: string, admin: Cred): void {
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const profile = { url, tenant_id: admin.tenantId, access_key: admin.accessKey };
  write(
    configDir,
    'config.json',
    JSON.stringify({ profiles: { main: profile }, current_profile: 'main' }),
  );
  write(
    configDir,
    'credentials.json',
    JSON.stringify({ version: 1, profiles: { main: { secret_key: admin.secretKey } } }),
  );
}

export const CONFIG_CASES: ConfigCase[] = [
  // Environment variables with wrong values.
  {
    name: 'HELIX_CREDENTIAL not a credential',
    argv: ['keys', 'list'],
    mode: 'env',
    env: () => ({ HELIX_CREDENTIAL: 'Hunter2IsMyPassword' }),
    exit: 2,
    message: /^HELIX_CREDENTIAL: invalid credential: expected key:/,
    secrets: () => ['Hunter2IsMyPassword'],
  },
  {
    name: 'HELIX_CREDENTIAL with a short secret',
    argv: ['keys', 'list'],
    mode: 'env',
    env: ({ admin: a }) => ({ HELIX_CREDENTIAL: cred(a, 'ShortSecret42') }),
    exit: 2,
    message: /got 13 characters/,
    secrets: () => ['ShortSecret42'],
  },
  {
    name: 'HELIX_CREDENTIAL of 10,000 characters',
    argv: ['keys', 'list'],
    mode: 'env',
    env: () => ({ HELIX_CREDENTIAL: LONG }),
    exit: 2,
    message: /invalid credential/,
    secrets: () => [LONG.slice(0, 200)],
  },
  {
    name: 'HELIX_CREDENTIAL with a wrong secret',
    argv: ['keys', 'list'],
    mode: 'env',
    env: ({ admin: a }) => ({ HELIX_CREDENTIAL: cred(a, 'W'.repeat(50)) }),
    exit: 3,
    message: /^login failed: invalid access key or secret key$/,
    secrets: () => ['W'.repeat(50)],
  },
  {
    name: 'HELIX_SECRET_KEY of the wrong length',
    argv: ['keys', 'list'],
    mode: 'bare',
    env: ({ url: u, admin: a }) => ({
      HELIX_URL: u,
      HELIX_ACCESS_KEY: a.accessKey,
      HELIX_SECRET_KEY: 'tooShortSecret',
    }),
    exit: 2,
    message: /^HELIX_SECRET_KEY must be 50 letters and digits/,
    secrets: () => ['tooShortSecret'],
  },
  {
    name: 'HELIX_URL not http(s)',
    argv: ['keys', 'list'],
    mode: 'env',
    env: () => ({ HELIX_URL: 'ftp://portal.example.com' }),
    exit: 2,
    message: /^HELIX_URL must start with https:\/\/ or http:\/\//,
  },
  {
    name: 'HELIX_URL not a URL',
    argv: ['keys', 'list'],
    mode: 'env',
    env: () => ({ HELIX_URL: 'portal dot example' }),
    exit: 2,
    message: /is not a URL$/,
  },
  {
    name: 'HELIX_URL with a password',
    argv: ['keys', 'list'],
    mode: 'env',
    env: () => ({ HELIX_URL: 'https://me:Pa55word@portal.example.com' }),
    exit: 2,
    message: /must not contain a user name or password/,
    secrets: () => ['Pa55word'],
  },
  {
    name: 'HELIX_URL with a 10,000-character host',
    argv: ['keys', 'list'],
    mode: 'env',
    env: () => ({ HELIX_URL: `http://${LONG}` }),
    exit: 2,
    message: /impossible host name \(10000 characters/,
    secrets: () => [LONG.slice(0, 200)],
  },
  {
    name: 'HELIX_URL where nothing listens',
    argv: ['keys', 'list'],
    mode: 'env',
    env: ({ deadUrl }) => ({ HELIX_URL: deadUrl }),
    exit: 7,
    message: /connection refused|cannot connect/,
  },
  {
    name: 'HELIX_TENANT_ID not a number',
    argv: ['keys', 'list'],
    mode: 'env',
    env: () => ({ HELIX_TENANT_ID: '12ab' }),
    exit: 2,
    message: /^HELIX_TENANT_ID must be a numeric tenant id/,
  },
  {
    name: 'HELIXCTL_OUTPUT unknown',
    argv: ['keys', 'list'],
    mode: 'env',
    env: () => ({ HELIXCTL_OUTPUT: 'xml' }),
    exit: 2,
    message: /^(invalid HELIXCTL_OUTPUT value "xml"|HELIXCTL_OUTPUT must be one of .*, got "xml")/,
  },
  {
    name: 'HELIXCTL_PROFILE naming no profile',
    argv: ['keys', 'list'],
    mode: 'bare',
    env: () => ({ HELIXCTL_PROFILE: 'ghost' }),
    exit: 3,
    message: /^no profile named "ghost"/,
  },
  {
    name: 'no credentials at all',
    argv: ['keys', 'list'],
    mode: 'bare',
    exit: 3,
    message: /^not logged in/,
  },
  // Credential strings given to login.
  {
    name: 'login: a malformed credential on stdin',
    argv: stdinLogin,
    mode: 'bare',
    env: ({ url: u }) => ({ HELIX_URL: u }),
    input: () => 'NotACredential-Hunter2',
    exit: 2,
    message: /^invalid credential: expected key:/,
    secrets: () => ['Hunter2'],
  },
  {
    name: 'login: a credential with a short secret',
    argv: stdinLogin,
    mode: 'bare',
    env: ({ url: u }) => ({ HELIX_URL: u }),
    input: (a) => cred(a, 'Sh0rtSecret'),
    exit: 2,
    message: /got 11 characters/,
    secrets: () => ['Sh0rtSecret'],
  },
  {
    name: 'login: nothing on stdin',
    argv: stdinLogin,
    mode: 'bare',
    env: ({ url: u }) => ({ HELIX_URL: u }),
    input: () => '',
    exit: 2,
    message: /nothing was read from standard input/,
  },
  {
    name: 'login: --secret-stdin of the wrong length',
    argv: ['login', '--access-key', 'A'.repeat(30), '--tenant', '1234567890', '--secret-stdin'],
    mode: 'bare',
    env: ({ url: u }) => ({ HELIX_URL: u }),
    input: () => 'NotFiftyChars123',
    exit: 2,
    message: /must be 50 letters and digits, got 16 characters/,
    secrets: () => ['NotFiftyChars123'],
  },
  {
    name: 'login: a lower-case access key',
    argv: ['login', '--access-key', 'lowercase', '--tenant', '1234567890', '--secret-stdin'],
    mode: 'bare',
    env: ({ url: u }) => ({ HELIX_URL: u }),
    input: () => 'x'.repeat(50),
    exit: 2,
    message: /^--access-key must be 30 upper-case letters and digits/,
  },
  {
    name: 'login: a tenant that does not exist',
    argv: stdinLogin,
    mode: 'bare',
    env: ({ url: u }) => ({ HELIX_URL: u }),
    input: (a) => cred({ ...a, tenantId: '9999999999' }),
    exit: 3,
    message: /tenant 9999999999 not found|login failed/,
  },
  // Config files.
  {
    name: 'a corrupted config.json',
    argv: ['keys', 'list'],
    mode: 'profile',
    setup: (d) => write(d, 'config.json', '{"profiles": {'),
    exit: 2,
    message: /config\.json is not valid JSON$/,
  },
  {
    name: 'config.json that cannot be read (a folder)',
    argv: ['keys', 'list'],
    mode: 'profile',
    setup: (d) => replaceWithFolder(d, 'config.json'),
    exit: 2,
    message: /^cannot read \S+config\.json: it is a folder/,
  },
  {
    name: 'a corrupted credentials.json',
    argv: ['keys', 'list'],
    mode: 'profile',
    setup: (d) => write(d, 'credentials.json', 'secret_key=oops'),
    exit: 2,
    message: /credentials\.json is not valid JSON$/,
    secrets: () => ['oops'],
  },
  {
    name: 'credentials.json that cannot be read (a folder)',
    argv: ['keys', 'list'],
    mode: 'profile',
    setup: (d) => replaceWithFolder(d, 'credentials.json'),
    exit: 2,
    message: /^cannot read \S+credentials\.json: it is a folder/,
  },
  {
    name: 'a current profile that is not there',
    argv: ['keys', 'list'],
    mode: 'profile',
    setup: (d) =>
      write(d, 'config.json', JSON.stringify({ profiles: {}, current_profile: 'gone' })),
    exit: 3,
    message: /^no profile named "gone"/,
  },
  {
    name: 'a profile whose secret is gone',
    argv: ['keys', 'list'],
    mode: 'profile',
    setup: (d) => write(d, 'credentials.json', JSON.stringify({ version: 1, profiles: {} })),
    exit: 3,
    message: /^profile main has no stored secret$/,
  },
  {
    name: 'a profile without its tenant',
    argv: ['keys', 'list'],
    mode: 'profile',
    setup: (d) =>
      write(
        d,
        'config.json',
        JSON.stringify({
          profiles: { main: { url: 'http://127.0.0.1:9' } },
          current_profile: 'main',
        }),
      ),
    exit: 2,
    message: /config\.json is invalid: profile main has no tenant_id$/,
  },
  // Loose permissions: a warning that says how to fix it, and the command still runs.
  {
    name: 'credentials.json readable by others',
    argv: ['keys', 'list'],
    mode: 'profile',
    setup: (d) => chmodSync(join(d, 'credentials.json'), 0o644),
    exit: 0,
    message:
      /^warning: credentials file \S+ is readable by others \(mode 0644\); fix with: chmod 600 \S+credentials\.json$/,
  },
  {
    name: 'the config folder open to others',
    argv: ['keys', 'list'],
    mode: 'profile',
    setup: (d) => chmodSync(d, 0o755),
    exit: 0,
    message:
      /^warning: config folder \S+ is readable by others \(mode 0755\); fix with: chmod 700 \S+helixctl$/,
  },
];

/** Files that are not regular files: each refused, before open() could block or read for ever. */
const NOT_A_FILE: ConfigCase[] = (
  [
    ['credentials.json', 'a FIFO', fifo, /FIFO \(named pipe\), not a regular file$/],
    ['config.json', 'a FIFO', fifo, /FIFO \(named pipe\), not a regular file$/],
    ['credentials.json', 'a link to /dev/zero', devZero, /character device, not a regular file$/],
    ['config.json', 'a link to /dev/zero', devZero, /character device, not a regular file$/],
    ['credentials.json', 'a link to a folder', linkToFolder, /folder, not a regular file$/],
  ] as const
).map(([file, what, spoil, message]) => ({
  name: `${file} that is ${what}`,
  argv: ['keys', 'list'],
  mode: 'profile' as const,
  setup: (d: string) => spoil(d, file),
  exit: 2,
  message: new RegExp(`^cannot read \\S+${file.replace('.', '\\.')}: it is a ${message.source}`),
  noRequest: true,
}));

/** The token cache is disposable: a folder in its place is named (no chmod advice), not fatal. */
NOT_A_FILE.push({
  name: 'tokens.json that is a folder',
  argv: ['keys', 'list'],
  mode: 'profile',
  setup: (d) => replaceWithFolder(d, 'tokens.json'),
  exit: 0,
  message:
    /^warning: token cache \S+tokens\.json: it is a folder, not a regular file; helixctl keeps its token cache in a plain file there: move it away/,
});

/** Profile names that are object machinery, or outside the grammar: refused before a request. */
const BAD_PROFILE_NAMES: ConfigCase[] = [
  '__proto__',
  'constructor',
  'prototype',
  'a/b',
  '..',
].flatMap((name) => [
  {
    name: `--profile ${name}`,
    argv: ['--profile', name, 'keys', 'list'],
    mode: 'profile' as const,
    exit: 2,
    message: /^invalid --profile value /,
    noRequest: true,
  },
  {
    name: `login --profile ${name}`,
    argv: ['--profile', name, ...stdinLogin],
    mode: 'env' as const,
    input: (a: Cred) => cred(a),
    exit: 2,
    message: /^invalid --profile value /,
    noRequest: true,
  },
]);

CONFIG_CASES.push(...NOT_A_FILE, ...BAD_PROFILE_NAMES);

function fifo(dir: string, name: string): void {
  rmSync(join(dir, name), { force: true });
  execFileSync('mkfifo', [join(dir, name)]);
}

function devZero(dir: string, name: string): void {
  rmSync(join(dir, name), { force: true });
  symlinkSync('/dev/zero', join(dir, name));
}

function linkToFolder(dir: string, name: string): void {
  rmSync(join(dir, name), { force: true });
  mkdirSync(join(dir, 'elsewhere'));
  symlinkSync(join(dir, 'elsewhere'), join(dir, name));
}

function replaceWithFolder(dir: string, name: string): void {
  // A folder where the file should be: unreadable as a file, even for root.
  const path = join(dir, name);
  rmSync(path, { force: true });
  mkdirSync(path);
}
