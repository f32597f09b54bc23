import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { run } from '../../../../src/cli/run.js';
import { formatCredential } from '../../../../src/core/credential.js';
import { type CliResult, runCli, type Sandbox } from '../../../helpers/cli.js';
import { type FakeIo, fakeIo } from '../../../helpers/fake-io.js';

/** Keys of test/fixtures/seed-basic.json (tenant Acme unless said otherwise). */
export const ADMIN = {
  accessKey: 'ACMEADMIN000000000000000000000',
  secretKey: 'Secret0AcmeAdminxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  tenantId: '1000000001',
};
export const PLAIN = {
  accessKey: 'ACMEPLAIN000000000000000000000',
  secretKey: 'Secret0AcmePlainxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  tenantId: '1000000001',
};
export const GLOBEX = {
  accessKey: 'GLOBEXADMIN0000000000000000000',
  secretKey: 'Secret0GlobexAdminxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  tenantId: '2000000002',
};
export const ADMIN_CREDENTIAL = formatCredential(ADMIN);

/** `login --profile <profile> --url <url> --credential-stdin` in `sb`; fails the test unless exit 0. */
export async function loginProfile(
  sb: Sandbox,
  url: string,
  profile: string,
  credential: string = ADMIN_CREDENTIAL,
): Promise<void> {
  const r = await runCli(['login', '--profile', profile, '--url', url, '--credential-stdin'], {
    env: sb.env,
    stdin: credential,
  });
  expect(r.exitCode).toBe(0);
}

/** The sandbox's config folder (XDG_CONFIG_HOME/helixctl). */
export const configDirOf = (sb: Sandbox): string => join(sb.home, '.config', 'helixctl');

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** config.json, credentials.json or tokens.json, loosely typed for assertions. */
export interface StoredFile {
  current_profile?: string;
  profiles: Record<string, Record<string, string>>;
  tokens: Record<string, Record<string, string>>;
}

/** Reads one file of the sandbox's config folder. */
export function storedFile(sb: Sandbox, name: string): StoredFile {
  return readJson(join(configDirOf(sb), name)) as StoredFile;
}

/** Every file under `root`, as paths relative to it. */
export function filesUnder(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(root).map((path) => relative(root, path));
}

/** Files under `root` whose bytes contain `secret` (relative paths). */
export function filesContaining(root: string, secret: string): string[] {
  return filesUnder(root).filter((path) =>
    readFileSync(join(root, path)).includes(Buffer.from(secret)),
  );
}

/** A CLI run on fake terminals that a test answers prompt by prompt. */
export interface TtySession {
  io: FakeIo;
  /** Everything on stderr so far (where prompts render). */
  screen(): string;
  /** Resolves once stderr shows `text` after the last `type` (polls; fails after 10 s). */
  waitFor(text: string): Promise<void>;
  type(keys: string): void;
  result(): Promise<CliResult>;
}

export function ttySession(argv: string[], env: Record<string, string>): TtySession {
  const io = fakeIo({ env, stdinTTY: true, stdoutTTY: true, stderrTTY: true, columns: 100 });
  const exit = run(argv, { io });
  let screen = '';
  let mark = 0;
  const read = () => {
    screen = io.err();
    return screen;
  };
  return {
    io,
    screen: read,
    async waitFor(text) {
      for (let i = 0; i < 1000; i++) {
        if (read().slice(mark).includes(text)) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen}`);
    },
    type(keys) {
      mark = read().length;
      io.stdin.write(keys);
    },
    async result() {
      const exitCode = await exit;
      return { exitCode, stdout: io.out(), stderr: read() };
    },
  };
}
