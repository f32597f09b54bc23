import { expect } from 'vitest';
import { describeIdempotentFaults } from './idempotent-suite.js';

describeIdempotentFaults({
  label: 'whoami',
  method: 'GET',
  path: () => /^\/ims\/api\/v1\/userinfo$/,
  prepare: async (world) => world.admin.accessKey,
  argv: () => ['whoami'],
  succeeded: async (_world, accessKey, result) => {
    expect(result.stdout).toContain(accessKey);
  },
});
