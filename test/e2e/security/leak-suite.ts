import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../helpers/fault-proxy.js';
import { startWorld, type World } from '../reliability/world.js';
import { expectHomeClean, Known, leaksIn } from './leaks.js';

/** What a scenario made before its run: names for its argv, and secrets the test now knows. */
export interface Prepared {
  vars: Record<string, string>;
  secrets?: string[];
}

export interface LeakScenario {
  name: string;
  prepare?: (world: World) => Promise<Prepared>;
  argv: (vars: Record<string, string>) => string[];
  /** Environment on top of the admin's env credentials (a value '' removes the variable). */
  env?: (vars: Record<string, string>) => Record<string, string>;
  input?: (vars: Record<string, string>, world: World) => string;
  fault?: (vars: Record<string, string>) => FaultRule;
  /** The exit code (or codes; or by mode when JSON and table differ). */
  exit: number | readonly number[] | ((json: boolean) => number);
  /** stdout is the sink the user chose: the secrets this run generated may be printed. */
  stdoutSink?: boolean;
  /** Values the user asked to see on stdout (`keys copy --print`). */
  shown?: (vars: Record<string, string>, world: World) => string[];
  /** Files or folders the user named as sinks. */
  sinks?: (vars: Record<string, string>) => string[];
  /** The `local` profile: new secrets never cross the wire, so learn them from stdout. */
  local?: boolean;
}

/** Secret keys a run printed (the box's "Secret key:" line, or JSON's access_secret_key). */
function printedSecrets(stdout: string): string[] {
  const found = [...stdout.matchAll(/(?:Secret key:\s+|"access_secret_key":")([A-Za-z0-9]{50})/g)];
  return found.map((m) => m[1] as string);
}

/** `keys add <vars.name> --expires 30d --secret-file <vars.file>`: the argv of the file-sink scenarios. */
export const addWithSecretFile = (vars: Record<string, string>): string[] => [
  'keys',
  'add',
  vars.name as string,
  '--expires',
  '30d',
  '--secret-file',
  vars.file as string,
];

export interface LeakCounts {
  runs: number;
  files: number;
}

/**
 * Runs each scenario four ways (with and without --debug, table and JSON), through the fault
 * proxy to serve, in one sandbox HOME; after each run: no known secret or token in stderr,
 * none in stdout but those the run was asked to print, and none in any file under HOME
 * outside its sinks (with their modes). Counts go to `counts`.
 */
export function describeLeaks(title: string, scenarios: LeakScenario[], counts: LeakCounts): void {
  describe(title, () => {
    let world: World;
    const known = new Known();
    const sinks = new Set<string>();
    beforeAll(async () => {
      world = await startWorld();
      known.addSecret(world.admin.secretKey);
    });
    afterAll(async () => {
      await world.close();
    });

    for (const s of scenarios) {
      for (const debug of [false, true]) {
        for (const json of [false, true]) {
          it(`${s.name}${debug ? ' --debug' : ''} ${json ? '--json' : '-o table'}`, async () => {
            const prepared = (await s.prepare?.(world)) ?? { vars: {} };
            for (const secret of prepared.secrets ?? []) known.addSecret(secret);
            const vars = { ...prepared.vars, home: world.box.home };
            const from = world.proxy.requests.length;
            if (s.fault) world.proxy.inject(s.fault(vars));
            const flags = [...(debug ? ['--debug'] : []), ...(json ? ['--json'] : ['-o', 'table'])];
            const input = s.input?.(vars, world);
            const result = await world.cli([...flags, ...s.argv(vars)], {
              ...(s.env ? { env: s.env(vars) } : {}),
              ...(input === undefined ? {} : { input }),
            });
            world.proxy.clear();
            const fresh = known.learn(world.proxy.requests.slice(from));
            if (s.local) {
              for (const secret of printedSecrets(result.stdout)) {
                known.addSecret(secret);
                fresh.add(secret);
              }
            }
            known.learnFiles(join(world.box.home, '.config', 'helixctl'));
            const exit = typeof s.exit === 'function' ? s.exit(json) : s.exit;
            const exits = typeof exit === 'number' ? [exit] : exit;
            expect(exits, `${result.stderr}\n${result.stdout}`).toContain(result.exitCode);
            const shown = new Set([
              ...(s.stdoutSink ? fresh : []),
              ...(s.shown?.(vars, world) ?? []),
            ]);
            if (s.stdoutSink && result.exitCode === 0) {
              // The control: the scan does see a secret where one is expected.
              expect([...fresh].some((secret) => result.stdout.includes(secret))).toBe(true);
            }
            expect(leaksIn(result.stderr, known), `stderr:\n${result.stderr}`).toEqual([]);
            expect(leaksIn(result.stdout, known, { secrets: shown }), 'stdout').toEqual([]);
            for (const sink of s.sinks?.(vars) ?? []) sinks.add(sink);
            counts.files += expectHomeClean(world.box.home, known, sinks);
            counts.runs += 1;
          });
        }
      }
    }
  });
}
