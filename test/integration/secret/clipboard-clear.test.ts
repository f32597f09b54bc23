import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Display, SKIP_XVFB, startXvfb, XVFB_NOTE } from '../../helpers/xvfb.js';
import { type CompiledSinks, compileSinks } from './helpers/compile.js';
import { startHarness } from './helpers/harness.js';
import { isRunning, killIfRunning, procText, waitForExit } from './helpers/processes.js';

// Copies HARNESS_VALUE (unless HARNESS_COPY=0), says `copied`, waits for a stdin line when
// HARNESS_WAIT=1, schedules the clearing, prints the helper's pid and exits at once.
const HARNESS = `
import { copyToClipboard } from './dist/output/clipboard.js';
import { scheduleClipboardClear } from './dist/output/secret/clipboard-clear.js';
const value = process.env.HARNESS_VALUE;
if (process.env.HARNESS_COPY !== '0') {
  const copied = await copyToClipboard(value, process.env);
  if (!copied.ok) { console.log(JSON.stringify({ error: copied.reason })); process.exit(3); }
}
console.log('copied');
if (process.env.HARNESS_WAIT === '1') await new Promise((go) => process.stdin.once('data', go));
const pid = await scheduleClipboardClear(value, Number(process.env.HARNESS_AFTER_MS));
console.log(JSON.stringify({ pid }));
process.exit(0);
`;

const SECRET = 'Sx9Kd2Lm4Np6Qr8Tv0Wy3Za5Bc7De9Fg1Hj3Kl5Mn7Pq9Rs1Tu';
const VALUE = `key:CLIPBOARDTESTKEY0000000000001::${SECRET},tenant id:1234567890`;
const PARENT_SECRET = 'parent-secret-that-must-not-reach-the-helper';

describe.skipIf(SKIP_XVFB)(`clipboard auto-clear (real X server)${XVFB_NOTE}`, () => {
  let compiled: CompiledSinks;
  let x: Display;
  let script: string;
  const helpers: number[] = [];

  beforeAll(async () => {
    [compiled, x] = await Promise.all([compileSinks(), startXvfb()]);
    script = await compiled.script('clipboard-harness.mjs', HARNESS);
  });
  afterEach(() => {
    for (const pid of helpers.splice(0)) killIfRunning(pid);
  });
  afterAll(async () => {
    await x?.stop();
    await compiled?.remove();
  });

  function harness(env: Record<string, string>) {
    return startHarness(script, {
      PATH: process.env.PATH ?? '',
      // xsel refuses to run without HOME ("no HOME directory"), and logs into it.
      HOME: x.home,
      DISPLAY: x.display,
      HARNESS_VALUE: VALUE,
      HELIX_SECRET_KEY: PARENT_SECRET,
      ...env,
    });
  }

  async function helperPid(line: Promise<string>): Promise<number> {
    const { pid } = JSON.parse(await line) as { pid: number };
    helpers.push(pid);
    return pid;
  }

  it('clears what it copied once the delay is over, after the CLI has exited', async () => {
    await x.write('before');
    const run = harness({ HARNESS_AFTER_MS: '1000' });
    expect(await run.nextLine()).toBe('copied');
    const pid = await helperPid(run.nextLine());
    expect((await run.finished).code).toBe(0);
    await waitForExit(pid);
    // Not 'before' (the copy happened) and not VALUE (the helper cleared it).
    expect(await x.settle('')).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const run = harness({ HARNESS_AFTER_MS: '1000', HARNESS_WAIT: '1' });
    expect(await run.nextLine()).toBe('copied');
    expect(await x.settle(VALUE)).toBe(VALUE);
    await x.write('the user copied this');
    run.child.stdin.write('go\n');
    const pid = await helperPid(run.nextLine());
    await run.finished;
    await waitForExit(pid);
    expect(await x.settle('the user copied this')).toBe('the user copied this');
  });

  it('survives its parent: it acts on a clipboard set only after the parent is gone', async () => {
    await x.write('not yet');
    const run = harness({ HARNESS_AFTER_MS: '2000', HARNESS_COPY: '0' });
    await run.nextLine();
    const pid = await helperPid(run.nextLine());
    const parent = await run.finished;
    expect(parent.code).toBe(0);
    expect(isRunning(run.child.pid ?? -1)).toBe(false);
    // The value reaches the clipboard only now, so a clear proves the helper outlived the CLI.
    await x.write(VALUE);
    await waitForExit(pid);
    expect(await x.settle('')).toBe('');
  });

  it('never holds the value in its argv or environment, and gets only what the clipboard needs', async () => {
    const run = harness({ HARNESS_AFTER_MS: '600000', HELIXCTL_TOKEN: 'tok' });
    await run.nextLine();
    const pid = await helperPid(run.nextLine());
    await run.finished;
    const argv = procText(pid, 'cmdline');
    const environ = procText(pid, 'environ');
    expect(argv).toEqual([process.execPath, compiled.file('clipboard-clear-worker.js'), '600000']);
    expect(environ.sort()).toEqual(
      [`DISPLAY=${x.display}`, `HOME=${x.home}`, `PATH=${process.env.PATH ?? ''}`].sort(),
    );
    expect([...argv, ...environ].join('\n')).not.toContain(SECRET);
    expect(environ.join('\n')).not.toContain(PARENT_SECRET);
  });

  it('starts no helper when the delay is 0', async () => {
    const run = harness({ HARNESS_AFTER_MS: '0' });
    await run.nextLine();
    expect(JSON.parse(await run.nextLine())).toEqual({});
    await run.finished;
    expect(await x.settle(VALUE)).toBe(VALUE);
  });
});
