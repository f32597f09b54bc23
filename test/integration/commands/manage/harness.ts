import { run } from '../../../../src/cli/run.js';
import { formatCredential } from '../../../../src/core/credential.js';
import { imsPaths } from '../../../../src/wire/paths.js';
import type { AccessKeyRecord, CreatedAccessKey } from '../../../../src/wire/types.js';
import { type CliResult, type RunCliOptions, runCli, sandbox } from '../../../helpers/cli.js';
import { basic } from '../../../helpers/emulator-seed.js';
import {
  startTestEmulator,
  type TestCredential,
  type TestEmulator,
} from '../../../helpers/emulator-server.js';
import { type FakeIo, fakeIo } from '../../../helpers/fake-io.js';
import { type Per, useResource } from '../../../helpers/lifecycle.js';

/** The frozen time the emulator and the CLI share in these tests. */
export const NOW = new Date('2026-01-15T10:00:00Z');

export interface CliOptions {
  /** Whose credential the CLI uses (default: Acme's administrator key). */
  as?: TestCredential;
  tty?: RunCliOptions['tty'];
  stdin?: string;
}

/** The seeded emulator (seed-basic.json, test clock at NOW) and a CLI pointed at it. */
export interface Harness {
  readonly emu: TestEmulator;
  /** The time the emulator's clock shows now. */
  now(): Date;
  /** Moves the emulator's clock and the CLI's together. */
  advance(seconds: number): Promise<void>;
  cli(argv: string[], options?: CliOptions): Promise<CliResult>;
  /** Starts the CLI on a terminal (stdin, stdout, stderr TTYs) to answer its prompts. */
  terminal(argv: string[], options?: CliOptions): { io: FakeIo; exitCode: Promise<number> };
  /** Creates a tenant key through the API (as the administrator). */
  createKey(body: Record<string, unknown>): Promise<CreatedAccessKey>;
  /** The key as the API has it now, or undefined after a 404. */
  getKey(accessKey: string): Promise<AccessKeyRecord | undefined>;
  groupsOf(accessKey: string): Promise<string[]>;
  rolesOf(accessKey: string): Promise<string[]>;
  /** Request log lines written since the mark was taken. */
  mark(): () => string[];
  close(): Promise<void>;
}

/** startHarness() for the file or for each test, closed after it. */
export function useHarness(per: Per, seed: unknown = 'seed-basic.json'): Harness {
  return useResource(
    'the harness',
    per,
    () => startHarness(seed),
    (h) => h.close(),
  );
}

export async function startHarness(seed: unknown = 'seed-basic.json'): Promise<Harness> {
  const emu = await startTestEmulator({ seed, testClock: true, now: NOW });
  const home = sandbox();
  let offsetMs = 0;
  const now = () => new Date(NOW.getTime() + offsetMs);
  const token = () => emu.login(basic.acmeAdmin);
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await emu.request(method, path, { token: await token(), body });
    return res;
  };
  const env = (as: TestCredential = basic.acmeAdmin) => {
    const credential = formatCredential({
      accessKey: as.accessKey,
      secretKey: as.secretKey,
      tenantId: as.tenantId ?? '',
    });
    return { ...home.env, HELIX_URL: emu.url, HELIX_CREDENTIAL: credential };
  };
  const names = async (path: string) => {
    const res = await api('GET', path);
    return (res.body.records as Array<{ name: string }>).map((r) => r.name).sort();
  };
  return {
    emu,
    now,
    async advance(seconds) {
      await emu.advance(seconds);
      offsetMs += seconds * 1000;
    },
    cli(argv, options = {}) {
      return runCli(argv, {
        env: env(options.as),
        now,
        ...(options.tty ? { tty: options.tty } : {}),
        ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      });
    },
    terminal(argv, options = {}) {
      const io = fakeIo({
        env: { ...env(options.as), TERM: 'xterm' },
        stdinTTY: true,
        stdoutTTY: true,
        stderrTTY: true,
        columns: 120,
      });
      return { io, exitCode: run(argv, { io, now }) };
    },
    async createKey(body) {
      const res = await api('POST', imsPaths.keys, body);
      if (res.status !== 201) throw new Error(`create: ${res.status} ${res.text}`);
      return res.body as CreatedAccessKey;
    },
    async getKey(accessKey) {
      const res = await api('GET', imsPaths.key(accessKey));
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw new Error(`get: ${res.status} ${res.text}`);
      return res.body as AccessKeyRecord;
    },
    groupsOf: (accessKey) => names(imsPaths.keyGroups(accessKey)),
    rolesOf: (accessKey) => names(imsPaths.keyRoles(accessKey)),
    mark() {
      const start = emu.logs.length;
      return () => emu.logs.slice(start);
    },
    async close() {
      await emu.close();
      home.cleanup();
    },
  };
}

/** Parses a JSON document printed on stdout. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields
export function json(result: CliResult): any {
  return JSON.parse(result.stdout);
}

/** Waits (no clock) until `text` has appeared on stderr, then types `keys`. */
export async function typeWhen(io: FakeIo, text: string, ...keys: string[]): Promise<string> {
  let seen = '';
  while (!seen.includes(text)) {
    seen = io.err();
    if (!seen.includes(text)) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const key of keys) {
    io.stdin.write(key);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return seen;
}

/** Counts request log lines of one method and path prefix. */
export function countRequests(lines: readonly string[], method: string, path: string): number {
  return lines.filter((l) => l.startsWith(`${method} ${path} `)).length;
}
