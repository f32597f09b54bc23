import { expect } from 'vitest';
import { formatCredential } from '../../../../src/core/credential.js';
import { imsPaths } from '../../../../src/wire/paths.js';
import type { AccessKeyRecord, KeyGroupRef, KeyRoleRef } from '../../../../src/wire/types.js';
import {
  type CliResult,
  type RunCliOptions,
  runCli,
  type Sandbox,
  sandbox,
} from '../../../helpers/cli.js';
import {
  startTestEmulator,
  type TestCredential,
  type TestEmulator,
} from '../../../helpers/emulator-server.js';
import { type Per, useResource } from '../../../helpers/lifecycle.js';

/** The Acme tenant of test/fixtures/seed-basic.json and the keys these tests use. */
export const TENANT = '1000000001';
const cred = (accessKey: string, secretKey: string) => ({ accessKey, secretKey, tenantId: TENANT });
export const ADMIN = cred(
  'ACMEADMIN000000000000000000000',
  'Secret0AcmeAdminxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
);
export const AUDITOR = cred(
  'ACMEAUDITOR0000000000000000000',
  'Secret0AcmeAuditorxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
);
export const PLAIN = cred(
  'ACMEPLAIN000000000000000000000',
  'Secret0AcmePlainxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
);
export const BOB = cred(
  'BOBLAPTOP000000000000000000000',
  'Secret0BobLaptopxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
);
export const INGEST = cred(
  'ACMEINGEST00000000000000000000',
  'Secret0AcmeIngestxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
);
export const ONBOARD = cred(
  'ACMEONBOARD0000000000000000000',
  'Secret0AcmeOnboardxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
);
export const BOB_USER_ID = '100000000000002';
/** Carol holds no user-level key (she owns the tenant key acme-auditor). */
export const CAROL_USER_ID = '100000000000003';
/** A fixed start for the emulator's test clock; the CLI is given the same clock. */
export const START = new Date('2026-03-02T10:00:00.000Z');

export const ACCESS_KEY = /^[A-Z0-9]{30}$/;
export const SECRET_KEY = /^[A-Za-z0-9]{50}$/;
/** How helixctl prints every time (docs/cli-contract.md §6): RFC 3339 UTC, whole seconds. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export type Cred = typeof ADMIN;

export interface World {
  emu: TestEmulator;
  box: Sandbox;
  now(): Date;
  /** Runs the CLI in-process as `as` (default the administrator), in env mode. */
  cli(argv: string[], options?: CliOptions): Promise<CliResult>;
  /** Every key of the tenant, read with the administrator's key. */
  keys(): Promise<AccessKeyRecord[]>;
  key(accessKey: string): Promise<AccessKeyRecord | undefined>;
  groups(accessKey: string): Promise<KeyGroupRef[]>;
  roles(accessKey: string): Promise<KeyRoleRef[]>;
  /** HTTP status of a login with this credential (200 or the refusal). */
  loginStatus(credential: TestCredential): Promise<number>;
  close(): Promise<void>;
}

export interface CliOptions extends Partial<Pick<RunCliOptions, 'stdin' | 'tty'>> {
  as?: Cred;
  env?: Record<string, string | undefined>;
}

/** startWorld() for the file (or each test), closed after it. */
export function useWorld(per: Per = 'file'): World {
  return useResource('the world', per, startWorld, (w) => w.close());
}

export async function startWorld(): Promise<World> {
  const emu = await startTestEmulator({ seed: 'seed-basic.json', testClock: true, now: START });
  const box = sandbox();
  const now = () => new Date(emu.emulator.clock.now());
  const adminGet = async (path: string) => {
    const res = await emu.request('GET', path, { token: await emu.login(ADMIN) });
    return res;
  };
  return {
    emu,
    box,
    now,
    cli: (argv, options = {}) =>
      runCli(argv, {
        env: {
          ...box.env,
          HELIX_URL: emu.url,
          HELIX_CREDENTIAL: formatCredential(options.as ?? ADMIN),
          ...options.env,
        },
        now,
        ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
        ...(options.tty === undefined ? {} : { tty: options.tty }),
      }),
    keys: async () => (await adminGet(`${imsPaths.keys}?size=1000`)).body.records,
    key: async (accessKey) => {
      const res = await adminGet(imsPaths.key(accessKey));
      return res.status === 200 ? res.body : undefined;
    },
    groups: async (accessKey) => (await adminGet(imsPaths.keyGroups(accessKey))).body.records,
    roles: async (accessKey) => (await adminGet(imsPaths.keyRoles(accessKey))).body.records,
    loginStatus: async (credential) =>
      (
        await emu.request('POST', imsPaths.login, {
          body: {
            access_key: credential.accessKey,
            access_secret_key: credential.secretKey,
            tenant_id: credential.tenantId,
          },
        })
      ).status,
    close: async () => {
      await emu.close();
      box.cleanup();
    },
  };
}

/** Text without ANSI colour (a TTY run is coloured). */
export function plain(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing ANSI escapes
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** The credential in a human box on stdout (`Access key:` ... `Secret key:` lines). */
export function boxCredential(output: string): Cred {
  const stdout = plain(output);
  const access = /Access key:\s+(\S+)/.exec(stdout)?.[1];
  const secret = /Secret key:\s+(\S+)/.exec(stdout)?.[1];
  const tenant = /Tenant id:\s+(\S+)/.exec(stdout)?.[1];
  expect(access).toMatch(ACCESS_KEY);
  expect(secret).toMatch(SECRET_KEY);
  return { accessKey: access as string, secretKey: secret as string, tenantId: tenant as string };
}

/**
 * Checks the fields a create or rotate document adds when stdout carries the secret, and
 * returns the credential they hold.
 */
export function expectSecretFields(doc: Record<string, unknown>): Cred {
  expect(doc.access_key).toMatch(ACCESS_KEY);
  expect(doc.access_secret_key).toMatch(SECRET_KEY);
  expect(doc.tenant_id).toBe(TENANT);
  const credential = {
    accessKey: doc.access_key as string,
    secretKey: doc.access_secret_key as string,
    tenantId: TENANT,
  };
  expect(doc.credential).toBe(formatCredential(credential));
  expect(doc.secret_delivered_to).toEqual(['stdout']);
  return credential;
}

/** The record fields every key document carries, as helixctl prints them. */
export function expectRecordShape(doc: Record<string, unknown>): void {
  expect(doc.user_id).toMatch(/^\d{15}$/);
  expect(doc.access_key).toMatch(ACCESS_KEY);
  expect(typeof doc.name).toBe('string');
  expect(['access', 'api', 'user']).toContain(doc.type);
  expect(['ACTIVE', 'INACTIVE']).toContain(doc.status);
  expect(typeof doc.non_deletable).toBe('boolean');
  expect(typeof doc.key_expired).toBe('boolean');
  expect(doc.created_date).toMatch(RFC3339);
  expect(typeof doc.expiry_enum).toBe('string');
  if (doc.expiry_time !== null) expect(doc.expiry_time).toMatch(RFC3339);
}
