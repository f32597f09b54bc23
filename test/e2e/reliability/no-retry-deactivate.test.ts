import { expect } from 'vitest';
import { uniqueName } from './world.js';
import { describeWriteFaults } from './write-suite.js';

describeWriteFaults({
  label: 'keys deactivate',
  method: 'PATCH',
  path: (key) => new RegExp(`^/ims/api/v1/access_keys/${key}$`),
  prepare: async (world) => (await world.createKey(uniqueName('switched'))).accessKey,
  argv: (key) => ['keys', 'deactivate', key],
  what: (key) => `updating key ${key}`,
  hint: (key) => `check with \`helixctl keys show ${key}\``,
  happened: async (world, key) => {
    const result = await world.cli(['keys', 'show', key, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout).status === 'INACTIVE';
  },
});
