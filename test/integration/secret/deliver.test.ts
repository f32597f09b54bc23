import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSandbox } from '../../helpers/lifecycle.js';
import { type Display, SKIP_XVFB, startXvfb, XVFB_NOTE } from '../../helpers/xvfb.js';
import { type CompiledSinks, compileSinks } from './helpers/compile.js';
import { startHarness } from './helpers/harness.js';
import { waitUntil } from './helpers/processes.js';

// A command body in miniature: plan from flags, real sinks, the process's own streams.
const HARNESS = `
import { deliverCredential } from './dist/output/secret/deliver.js';
import { planSinks } from './dist/output/secret/plan.js';
import { createSinkDeps } from './dist/output/secret/sink-deps.js';
const cred = JSON.parse(process.env.HARNESS_CRED);
const json = process.env.HARNESS_JSON === '1';
const plan = planSinks({ flags: JSON.parse(process.env.HARNESS_FLAGS), interactive: false, stdoutTTY: false, json });
const deps = createSinkDeps({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  warn: (message) => process.stderr.write('warning: ' + message + '\\n'),
  copied: (ms) => process.stderr.write('copied: ' + ms + '\\n'),
  renderHuman: (c) => 'box: ' + c.credential,
  renderJson: (fields) => JSON.stringify({ access_key: cred.accessKey, ...fields }),
  env: process.env,
});
const result = await deliverCredential(cred, plan, deps);
process.stderr.write('result: ' + JSON.stringify(result) + '\\n');
process.exitCode = result.exitCode;
`;

// The --exec child: talks on stdout, shows what it received, exits with a chosen code.
const CHILD = `
console.log('child says hi to ' + process.env.HELIX_ACCESS_KEY);
process.exit(Number(process.argv[2]));
`;

const SECRET = 'Hj3Kl5Mn7Pq9Rs1Tu3Vw5Xy7Za9Bc1De3Fg5Hi7Jk9Lm1No3Pq';
const CRED = {
  accessKey: 'HARNESSDELIVERKEY0000000000001',
  secretKey: SECRET,
  tenantId: '1234567890',
  credential: `key:HARNESSDELIVERKEY0000000000001::${SECRET},tenant id:1234567890`,
};

let compiled: CompiledSinks;
let harness: string;
let child: string;
beforeAll(async () => {
  compiled = await compileSinks();
  harness = await compiled.script('deliver-harness.mjs', HARNESS);
  child = await compiled.script('exec-child.mjs', CHILD);
});
afterAll(async () => {
  await compiled?.remove();
});

// The harness's HOME: its own, removed after the file (xsel logs there when it copies).
const home = useSandbox({}, 'file');

function run(flags: object, env: Record<string, string>) {
  return startHarness(harness, {
    PATH: process.env.PATH ?? '',
    HOME: home.home,
    HARNESS_CRED: JSON.stringify(CRED),
    HARNESS_FLAGS: JSON.stringify(flags),
    ...env,
  }).finished;
}

describe('deliverCredential with the real sinks, in a process of its own', () => {
  it('--json --exec: stdout is exactly one document without the secret; the child speaks on stderr', async () => {
    const out = await run(
      { exec: [process.execPath, child, '4'] },
      { HARNESS_JSON: '1', GITHUB_ACTIONS: 'true' },
    );
    expect(out.code).toBe(4);
    expect(JSON.parse(out.stdout)).toEqual({
      access_key: CRED.accessKey,
      tenant_id: CRED.tenantId,
      secret_delivered_to: [`exec:${process.execPath}`],
    });
    expect(out.stdout).not.toContain(SECRET);
    expect(out.stderr.startsWith(`::add-mask::${SECRET}\n::add-mask::${CRED.credential}\n`)).toBe(
      true,
    );
    expect(out.stderr).toContain(`child says hi to ${CRED.accessKey}`);
  });

  it('--exec without --json: the child owns stdout and nothing secret is printed', async () => {
    const out = await run({ exec: [process.execPath, child, '0'] }, {});
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`child says hi to ${CRED.accessKey}\n`);
    expect(out.stderr).not.toContain(SECRET);
  });

  it('no sink chosen and no TTY: the secret goes to stdout', async () => {
    const out = await run({}, {});
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`box: ${CRED.credential}\n`);
  });
});

describe.skipIf(SKIP_XVFB)(
  `deliverCredential with a real clipboard, in a process of its own${XVFB_NOTE}`,
  () => {
    let x: Display;
    beforeAll(async () => {
      x = await startXvfb();
    });
    afterAll(async () => {
      await x?.stop();
    });

    it('--copy copies, prints nothing on stdout, and the helper clears after the CLI exited', async () => {
      await x.write('before');
      const out = await run({ copy: true, clearAfterMs: 1000 }, { DISPLAY: x.display });
      expect(out.code).toBe(0);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain('"deliveredTo":["clipboard"]');
      // The helper outlives the harness: wait for it to act (the deadline only turns a hang into a failure).
      // A read that fails while the selection changes hands counts as "not yet"; the read
      // below must succeed.
      await waitUntil(async () => (await x.read().catch(() => undefined)) === '');
      expect(await x.read()).toBe('');
    });
  },
);
