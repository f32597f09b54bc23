import { expect } from 'vitest';
import { describeIdempotentFaults } from './idempotent-suite.js';
import { uniqueName } from './world.js';

describeIdempotentFaults({
  label: 'keys list',
  json: true,
  method: 'GET',
  path: () => /^\/ims\/api\/v1\/access_keys$/,
  prepare: async (world) => (await world.createKey(uniqueName('listed'))).accessKey,
  argv: () => ['keys', 'list'],
  succeeded: async (_world, target, result) => {
    expect(result.stdout).toContain(target);
  },
});
