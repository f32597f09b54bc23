import { expect } from 'vitest';
import { uniqueName } from './world.js';
import { describeWriteFaults } from './write-suite.js';

const names = new Map<string, string>();

describeWriteFaults({
  label: 'keys rotate (API key)',
  method: 'POST',
  path: (key) => new RegExp(`^/ims/api/v1/access_keys/${key}/rotate$`),
  prepare: async (world) => {
    const name = uniqueName('api');
    const cred = await world.createKey(name, 'API');
    names.set(cred.accessKey, name);
    return cred.accessKey;
  },
  argv: (key) => ['keys', 'rotate', key],
  what: (key) => `rotating API key ${key}`,
  hint: (key) =>
    `check with \`helixctl keys list --name "${names.get(key)}"\`: an access key other than ${key} means it rotated and its new secret is lost; rotate it again`,
  happened: async (world, key) => {
    // The hint's command works whether or not the key got a new access key (the old access
    // key is no longer found once rotated: a hint naming it would say "no such key").
    const listed = await world.cli(['keys', 'list', '--name', names.get(key) as string, '--json']);
    expect(listed.exitCode, listed.stderr).toBe(0);
    const same = JSON.parse(listed.stdout) as Array<{ access_key: string }>;
    expect(same).toHaveLength(1);
    return same[0]?.access_key !== key;
  },
});
