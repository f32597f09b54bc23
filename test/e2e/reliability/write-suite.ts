import { describe, expect, it } from 'vitest';
import { expectCleanError } from './expect-error.js';
import { STALL_TIMEOUT_S } from './fault-cases.js';
import { type Timed, useWorld, type World } from './world.js';
import { WRITE_FAULTS } from './write-faults.js';

/** A real command whose one POST or PATCH gets the faults. */
export interface WriteCommand {
  label: string;
  method: 'POST' | 'PATCH';
  path: (target: string) => RegExp;
  /** Makes what the command acts on and returns its id (a fresh one per case). */
  prepare: (world: World) => Promise<string>;
  argv: (target: string) => string[];
  /** "creating key "x"", "generating a new secret for key K"... as the message words it. */
  what: (target: string) => string;
  /** The hint line (after `hint: `): how to check what happened. */
  hint: (target: string) => string;
  /** Follows the hint (through the CLI, faults cleared) and says whether the change happened. */
  happened: (world: World, target: string) => Promise<boolean>;
  /** Also run every fault with --json (the envelope is common code: one command per suite). */
  json?: boolean;
}

/**
 * Every fault once against one command (and with --json when asked): exactly one request on the
 * wire (never retried), exit 7, one line that says the outcome is unknown wherever the
 * service may have acted (with the hint to check), and, following that hint, the change
 * happened exactly when the service saw the request: never twice.
 */
export function describeWriteFaults(command: WriteCommand): void {
  describe(`${command.label} (${command.method}) through the fault proxy`, () => {
    const world = useWorld();

    for (const json of command.json ? [false, true] : [false]) {
      for (const f of WRITE_FAULTS) {
        const title = `${f.name}${json ? ' (--json)' : ''}: one request, exit 7, ${f.acted ? 'done once' : 'not done'}`;
        it(title, async () => {
          const target = await command.prepare(world);
          const path = command.path(target);
          world.proxy.inject({ method: command.method, path, fault: f.fault() });
          const timeout = ['--timeout', `${STALL_TIMEOUT_S}s`];
          const flags = [...timeout, ...(json ? ['--json'] : [])];
          const result: Timed = await world.cli([...flags, ...command.argv(target)]);
          const line = expectCleanError(result, { exit: 7, code: f.code, json });
          expect(line).toMatch(f.reason);
          if (f.code === 'OUTCOME_UNKNOWN') {
            expect(line).toContain(`the service may have completed ${command.what(target)}`);
            expect(`${result.stderr}\n`).toContain(`\nhint: ${command.hint(target)}\n`);
          }
          expect(world.proxy.count(command.method, path)).toBe(1);
          world.proxy.clear();
          expect(await command.happened(world, target)).toBe(f.acted);
        });
      }
    }
  });
}
