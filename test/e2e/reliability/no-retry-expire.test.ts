import { expect } from 'vitest';
import { uniqueName, type World } from './world.js';
import { describeWriteFaults } from './write-suite.js';

const before = new Map<string, string | undefined>();

async function shown(world: World, key: string): Promise<{ expiry_time?: string; status: string }> {
  const result = await world.cli(['keys', 'show', key, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describeWriteFaults({
  label: 'keys expire --in',
  method: 'PATCH',
  path: (key) => new RegExp(`^/ims/api/v1/access_keys/${key}$`),
  prepare: async (world) => {
    const { accessKey } = await world.createKey(uniqueName('expiring'));
    before.set(accessKey, (await shown(world, accessKey)).expiry_time);
    return accessKey;
  },
  argv: (key) => ['keys', 'expire', key, '--in', '10d'],
  what: (key) => `updating key ${key}`,
  hint: (key) => `check with \`helixctl keys show ${key}\``,
  happened: async (world, key) => (await shown(world, key)).expiry_time !== before.get(key),
});
