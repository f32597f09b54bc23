import { expect } from 'vitest';
import { uniqueName } from './world.js';
import { describeWriteFaults } from './write-suite.js';

describeWriteFaults({
  label: 'keys add',
  json: true,
  method: 'POST',
  path: () => /^\/ims\/api\/v1\/access_keys$/,
  prepare: async () => uniqueName('created'),
  argv: (name) => ['keys', 'add', name, '--expires', '30d'],
  what: (name) => `creating key "${name}"`,
  hint: (name) => `check with \`helixctl keys list --name "${name}"\` before creating it again`,
  happened: async (world, name) => {
    const listed = await world.cli(['keys', 'list', '--name', name, '--json']);
    expect(listed.exitCode, listed.stderr).toBe(0);
    const found = JSON.parse(listed.stdout) as Array<{ name: string }>;
    // Never twice: the service's own count agrees with what the hint shows.
    expect((await world.keys()).filter((k) => k.name === name)).toHaveLength(found.length);
    expect(found.length).toBeLessThanOrEqual(1);
    return found.length === 1;
  },
});
