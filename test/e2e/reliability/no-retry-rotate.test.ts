import { expect } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { type Cred, uniqueName, type World } from './world.js';
import { describeWriteFaults } from './write-suite.js';

/** Logs in straight to serve with a credential; 200 or 401. */
async function loginStatus(world: World, cred: Cred): Promise<number> {
  const response = await fetch(new URL(imsPaths.login, world.serve.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ access_key: cred.accessKey, access_secret_key: cred.secretKey }),
  });
  await response.arrayBuffer();
  return response.status;
}

const creds = new Map<string, Cred>();

describeWriteFaults({
  label: 'keys rotate (new secret)',
  method: 'POST',
  path: (key) => new RegExp(`^/ims/api/v1/access_keys/${key}/secret$`),
  prepare: async (world) => {
    const cred = await world.createKey(uniqueName('rotated'));
    creds.set(cred.accessKey, cred);
    return cred.accessKey;
  },
  argv: (key) => ['keys', 'rotate', key],
  what: (key) => `generating a new secret for key ${key}`,
  hint: (key) =>
    `if it did, the new secret is lost: check with \`helixctl keys show ${key}\` and rotate again`,
  happened: async (world, key) => {
    const shown = await world.cli(['keys', 'show', key, '--json']);
    expect(shown.exitCode, shown.stderr).toBe(0);
    const status = await loginStatus(world, creds.get(key) as Cred);
    expect([200, 401]).toContain(status);
    return status === 401;
  },
});
