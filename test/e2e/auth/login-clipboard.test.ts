import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import { type Display, SKIP_XVFB, startXvfb, XVFB_NOTE } from '../../helpers/xvfb.js';
import { expectSecretConfined } from './files.js';

let serve: ServeProcess;
let display: Display | undefined;
let sb: Sandbox;
beforeAll(async () => {
  serve = await startServe();
  if (!SKIP_XVFB) display = await startXvfb();
});
afterAll(async () => {
  await display?.stop();
  await serve.stop();
});
beforeEach(() => {
  sb = sandbox();
});
afterEach(() => sb.cleanup());

describe.skipIf(SKIP_XVFB)(`login --from-clipboard (private Xvfb)${XVFB_NOTE}`, () => {
  it('reads the whole credential from the clipboard', async () => {
    if (!display || !serve.credentialText || !serve.admin)
      throw new Error('no display or credential');
    await display.write(serve.credentialText);
    const { HELIXCTL_NO_CLIPBOARD: _off, ...env } = sb.env;
    const r = await spawnCli(['login', '--url', serve.url, '--from-clipboard', '--json'], {
      env: { ...env, DISPLAY: display.display },
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).profile.access_key).toBe(serve.admin.accessKey);
    expectSecretConfined(sb.home, serve.admin.secretKey);
  });

  it('a clipboard that holds no credential is exit 2, without quoting it', async () => {
    if (!display) throw new Error('no display');
    await display.write('not a credential at all');
    const { HELIXCTL_NO_CLIPBOARD: _off, ...env } = sb.env;
    const r = await spawnCli(['login', '--url', serve.url, '--from-clipboard'], {
      env: { ...env, DISPLAY: display.display },
    });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error: invalid credential: expected');
    expect(r.stderr).toContain('(read from the clipboard)');
    expect(r.stderr).not.toContain('not a credential at all');
  });
});
