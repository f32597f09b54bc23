import { formatCredential, parseCredential } from '../../../../src/core/credential.js';
import { imsPaths } from '../../../../src/wire/paths.js';
import type { Sandbox } from '../../../helpers/cli.js';
import type { TestEmulator } from '../../../helpers/emulator-server.js';
import type { FaultProxy } from '../../../helpers/fault-proxy.js';
import { useEmulator, useFaultProxy, useSandbox } from '../../../helpers/lifecycle.js';

/** Test helpers for `keys rotate --all`: make keys over plain HTTP and check credentials. */

export interface Cred {
  accessKey: string;
  secretKey: string;
  tenantId: string;
}

/** The Acme administrator of test/fixtures/seed-basic.json. */
export const ACME_ADMIN: Cred = {
  accessKey: 'ACMEADMIN000000000000000000000',
  secretKey: 'Secret0AcmeAdminxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  tenantId: '1000000001',
};

export const ACME_SECRETS: Record<string, string> = {
  ACMEPLAIN000000000000000000000: 'Secret0AcmePlainxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  BOBLAPTOP000000000000000000000: 'Secret0BobLaptopxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  ACMEINGEST00000000000000000000: 'Secret0AcmeIngestxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  ACMEAUDITOR0000000000000000000: 'Secret0AcmeAuditorxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
};

/** The requests that rotate a key: `POST .../secret` (access keys) and `.../rotate` (API keys). */
export const ROTATION_POST = /^\/ims\/api\/v1\/access_keys\/[^/]+\/(secret|rotate)$/;

/** The seeded (pre-rotation) credential of an Acme key of ACME_SECRETS. */
export function seededCredential(accessKey: string): Cred {
  return { accessKey, secretKey: ACME_SECRETS[accessKey] ?? '', tenantId: '1000000001' };
}

/** Environment for a CLI run in env-credential mode against `url`. */
export function credentialEnv(url: string, cred: Cred): Record<string, string> {
  return { HELIX_URL: url, HELIX_CREDENTIAL: formatCredential(cred) };
}

/** Logs in directly (not through the CLI); returns the HTTP status. */
export async function loginStatus(url: string, cred: Cred | string): Promise<number> {
  const c = typeof cred === 'string' ? parseCredential(cred) : cred;
  const response = await fetch(new URL(imsPaths.login, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      access_key: c.accessKey,
      access_secret_key: c.secretKey,
      tenant_id: c.tenantId,
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function token(url: string, admin: Cred): Promise<string> {
  const response = await fetch(new URL(imsPaths.login, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ access_key: admin.accessKey, access_secret_key: admin.secretKey }),
  });
  if (response.status !== 200) throw new Error(`admin login failed: ${response.status}`);
  return ((await response.json()) as { json_web_token: string }).json_web_token;
}

/** Creates keys named `names` (TENANT unless `type`); returns their credentials by name. */
export async function createKeys(
  url: string,
  admin: Cred,
  names: readonly string[],
  type: 'TENANT' | 'API' = 'TENANT',
): Promise<Map<string, Cred>> {
  const jwt = await token(url, admin);
  const out = new Map<string, Cred>();
  for (const name of names) {
    const response = await fetch(new URL(imsPaths.keys, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ name, type, expiry_enum: '90 days' }),
    });
    if (!response.ok) throw new Error(`create ${name}: ${response.status}`);
    const body = (await response.json()) as {
      access_key: string;
      access_secret_key: string;
      tenant_id: string;
    };
    out.set(name, {
      accessKey: body.access_key,
      secretKey: body.access_secret_key,
      tenantId: body.tenant_id,
    });
  }
  return out;
}

/** A row of `keys rotate --all --json`. */
export interface Row {
  name: string;
  access_key: string;
  new_access_key?: string;
  type: string;
  result: 'rotated' | 'skipped' | 'failed';
  rotated: boolean;
  reason?: string;
  error?: { code: string; message: string; hint?: string; exit_code: number };
  secret_file?: string;
  secret_delivered_to?: string[];
  tenant_id?: string;
  access_secret_key?: string;
  credential?: string;
}

export function rowsByName(stdout: string): Map<string, Row> {
  const rows = JSON.parse(stdout) as Row[];
  return new Map(rows.map((r) => [r.name, r]));
}

export interface RotateAllScene {
  emu: TestEmulator;
  proxy: FaultProxy;
  box: Sandbox;
  /** The sandbox's environment, as the Acme administrator through the proxy. */
  env(): Record<string, string>;
}

/**
 * For each test: the emulator seeded with seed-basic.json, the fault proxy in front of it and
 * a sandbox HOME, all removed after the test.
 */
export function useRotateAllScene(): RotateAllScene {
  const emu = useEmulator({ seed: 'seed-basic.json' }, 'test');
  const proxy = useFaultProxy(() => emu.url);
  const box = useSandbox();
  return { emu, proxy, box, env: () => ({ ...box.env, ...credentialEnv(proxy.url, ACME_ADMIN) }) };
}
