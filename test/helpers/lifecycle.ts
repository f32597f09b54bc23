import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type Sandbox, sandbox } from './cli.js';
import {
  startTestEmulator,
  type TestEmulator,
  type TestEmulatorOptions,
} from './emulator-server.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';
import { type ServeProcess, startServe } from './serve-process.js';

/**
 * Set-up that registers its own vitest hooks: each `use*` starts a resource before the
 * file's tests (`per: 'file'`) or before each test (`per: 'test'`), always stops or removes it
 * after, and returns a stand-in that forwards to the current one. Call at the top of a test
 * file or in a `describe` body, like the hooks themselves:
 *
 *     const emu = useEmulator({ seed: 'seed-basic.json' });
 *     const sb = useSandbox();
 *     it('...', () => runCli(['keys', 'list'], { env: { ...sb.env, HELIX_URL: emu.url } }));
 */
export type Per = 'file' | 'test';

/**
 * An object that reads every property from `current()` at the moment of use (methods bound to
 * it), and fails clearly when used outside the hooks that set it up.
 */
export function lateBound<T extends object>(label: string, current: () => T | undefined): T {
  const target = (): T => {
    const value = current();
    if (value === undefined) throw new Error(`${label} used outside the tests that set it up`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const object = target();
      const value = Reflect.get(object, key, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor(_, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
  });
}

/**
 * Runs `start` before and `stop` after the file's tests or each test, and returns a stand-in
 * for what `start` made. `stop` runs only when `start` succeeded.
 */
export function useResource<T extends object>(
  label: string,
  per: Per,
  start: () => T | Promise<T>,
  stop: (resource: T) => unknown,
): T {
  let current: T | undefined;
  const [before, after] = per === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    current = await start();
  });
  after(async () => {
    const resource = current;
    current = undefined;
    if (resource !== undefined) await stop(resource);
  });
  return lateBound(label, () => current);
}

/** A fresh sandbox HOME for each test (or for the file), removed after it. */
export function useSandbox(extra: Record<string, string> = {}, per: Per = 'test'): Sandbox {
  return useResource(
    'the sandbox',
    per,
    () => sandbox(extra),
    (box) => box.cleanup(),
  );
}

/** An in-process emulator over HTTP (temp database, removed by close) for the file or each test. */
export function useEmulator(options: TestEmulatorOptions = {}, per: Per = 'file'): TestEmulator {
  return useResource(
    'the test emulator',
    per,
    () => startTestEmulator(options),
    (emu) => emu.close(),
  );
}

/** The fault proxy in front of `upstream()` (read when it starts), for the file or each test. */
export function useFaultProxy(upstream: () => string, per: Per = 'test'): FaultProxy {
  return useResource(
    'the fault proxy',
    per,
    () => startFaultProxy(upstream()),
    (proxy) => proxy.close(),
  );
}

/** `helixctl serve` from the built binary (temp database, removed by stop) for the file. */
export function useServe(
  options: Parameters<typeof startServe>[0] = {},
  per: Per = 'file',
): ServeProcess {
  return useResource(
    'the serve process',
    per,
    () => startServe(options),
    (serve) => serve.stop(),
  );
}
