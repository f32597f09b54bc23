import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompiledSinks, compileSinks } from './helpers/compile.js';
import { startHarness } from './helpers/harness.js';
import { killIfRunning } from './helpers/processes.js';

// Runs the child through runWithCredential and reports the code it got.
const HARNESS = `
import { runWithCredential } from './dist/output/secret/exec-sink.js';
const cred = { accessKey: 'A', secretKey: 'S', tenantId: 'T', credential: 'key:A::S,tenant id:T' };
const code = await runWithCredential({ command: process.execPath, args: [process.env.HARNESS_CHILD] }, cred, {
  env: process.env,
  stdio: ['ignore', 'inherit', 'inherit'],
});
console.log(JSON.stringify({ code }));
`;

// Shuts down on SIGTERM with its own code; announces its pid once its handler is in place.
const CHILD = `
process.on('SIGTERM', () => process.exit(7));
console.log(JSON.stringify({ ready: process.pid }));
setInterval(() => {}, 1000);
`;

describe.runIf(process.platform !== 'win32')('--exec and signals sent to helixctl', () => {
  let compiled: CompiledSinks;
  let env: Record<string, string>;
  beforeAll(async () => {
    compiled = await compileSinks();
    const harness = await compiled.script('signal-harness.mjs', HARNESS);
    env = {
      PATH: process.env.PATH ?? '',
      HARNESS_CHILD: await compiled.script('signal-child.mjs', CHILD),
    };
    env.HARNESS = harness;
  });
  afterAll(async () => {
    await compiled?.remove();
  });

  async function started() {
    const run = startHarness(env.HARNESS ?? '', env);
    const { ready } = JSON.parse(await run.nextLine()) as { ready: number };
    return { run, childPid: ready };
  }

  it('forwards SIGTERM to the child and reports the code the child chose', async () => {
    const { run, childPid } = await started();
    try {
      run.child.kill('SIGTERM');
      const out = await run.finished;
      expect(out.signal).toBeNull();
      expect(out.code).toBe(0);
      expect(JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '')).toEqual({ code: 7 });
    } finally {
      killIfRunning(childPid);
    }
  });

  it('outlives a SIGINT sent to it alone (Ctrl-C reaches the child through the terminal)', async () => {
    const { run, childPid } = await started();
    try {
      run.child.kill('SIGINT');
      // Still there to forward the next signal and report the child's code.
      run.child.kill('SIGTERM');
      const out = await run.finished;
      expect(out.signal).toBeNull();
      expect(JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '')).toEqual({ code: 7 });
    } finally {
      killIfRunning(childPid);
    }
  });
});
