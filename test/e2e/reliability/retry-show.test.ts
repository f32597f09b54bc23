import { expect } from 'vitest';
import { describeIdempotentFaults } from './idempotent-suite.js';
import { uniqueName } from './world.js';

describeIdempotentFaults({
  label: 'keys show',
  method: 'GET',
  path: (key) => new RegExp(`^/ims/api/v1/access_keys/${key}$`),
  prepare: async (world) => (await world.createKey(uniqueName('shown'))).accessKey,
  argv: (key) => ['keys', 'show', key],
  succeeded: async (_world, key, result) => {
    expect(result.stdout).toContain(key);
  },
});
