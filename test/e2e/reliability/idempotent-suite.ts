import { describe, expect, it } from 'vitest';
import { FAULTS } from '../../helpers/fault-proxy.js';
import { expectCleanError } from './expect-error.js';
import { FAULT_CASES, STALL_TIMEOUT_S } from './fault-cases.js';
import { type Timed, useWorld, type World } from './world.js';

/** A real command whose one idempotent request gets the faults. */
export interface IdempotentCommand {
  label: string;
  method: 'GET' | 'PUT' | 'DELETE';
  /** The faulted request's path; the command's other requests pass untouched. */
  path: (target: string) => RegExp;
  /** Makes what the command acts on (a fresh key for writes) and returns its id. */
  prepare: (world: World) => Promise<string>;
  argv: (target: string) => string[];
  /** After a failed run: the service state the command would have changed is unchanged. */
  unchanged?: (world: World, target: string) => Promise<void>;
  /** After a run whose answers were lost once the service acted: it acted as asked, once. */
  applied?: (world: World, target: string) => Promise<void>;
  /** After a run that got through on its last try: the command did its job. */
  succeeded: (world: World, target: string, result: Timed) => Promise<void>;
  /** Fault cases that do not apply (a truncated body needs a body: DELETE answers 204). */
  skip?: readonly string[];
  /** Also run every fault with --json (the envelope is common code: one command per suite). */
  json?: boolean;
}

/**
 * The fault list against one command, through the built binary and the proxy:
 * tries counted at the proxy (3 for 429/502/503/reset/truncation, 1 for a 500 and a
 * timeout), Retry-After and backoff seen as gaps between tries, the exit code, the one-line
 * error (also as the JSON envelope), and a run that succeeds on its third try.
 */
export function describeIdempotentFaults(command: IdempotentCommand): void {
  describe(`${command.label} (${command.method}) through the fault proxy`, () => {
    const world = useWorld();

    for (const json of command.json ? [false, true] : [false]) {
      for (const c of FAULT_CASES.filter((f) => !command.skip?.includes(f.name))) {
        it(`${c.name}${json ? ' (--json)' : ''}: ${c.tries} ${c.tries === 1 ? 'try' : 'tries'}, exit 7, one line`, async () => {
          const target = await command.prepare(world);
          const path = command.path(target);
          world.proxy.inject({ method: command.method, path, fault: c.fault() });
          const timeout = ['--timeout', `${STALL_TIMEOUT_S}s`];
          const result = await world.cli([
            ...timeout,
            ...(json ? ['--json'] : []),
            ...command.argv(target),
          ]);
          expectCleanError(result, { exit: 7, message: c.message, code: c.code, json });
          expect(world.proxy.count(command.method, path)).toBe(c.tries);
          const gaps = world.proxy.gaps(command.method, path);
          for (const [i, least] of (c.minGaps ?? []).entries()) {
            expect(gaps[i]).toBeGreaterThanOrEqual(least);
          }
          await (c.forwards ? command.applied : command.unchanged)?.(world, target);
        });
      }
    }

    it('503 twice, then the answer: the third try succeeds, exit 0', async () => {
      const target = await command.prepare(world);
      const path = command.path(target);
      world.proxy.inject({ method: command.method, path, times: 2, fault: FAULTS.unavailable(1) });
      const result = await world.cli(command.argv(target));
      expect(result.exitCode, result.stderr).toBe(0);
      expect(world.proxy.count(command.method, path)).toBe(3);
      await command.succeeded(world, target, result);
    });

    it('a reset, then the answer: the second try succeeds, exit 0', async () => {
      const target = await command.prepare(world);
      const path = command.path(target);
      world.proxy.inject({ method: command.method, path, times: 1, fault: FAULTS.reset() });
      const result = await world.cli(command.argv(target));
      expect(result.exitCode, result.stderr).toBe(0);
      expect(world.proxy.count(command.method, path)).toBe(2);
      await command.succeeded(world, target, result);
    });
  });
}
