import { expect } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { describeIdempotentFaults } from './idempotent-suite.js';
import { uniqueName } from './world.js';

describeIdempotentFaults({
  label: 'keys delete --yes',
  method: 'DELETE',
  path: (key) => new RegExp(`^/ims/api/v1/access_keys/${key}$`),
  prepare: async (world) => (await world.createKey(uniqueName('doomed'))).accessKey,
  argv: (key) => ['keys', 'delete', key, '--yes'],
  // DELETE answers 204 with no body: there is nothing to cut off.
  skip: ['truncated JSON body'],
  unchanged: async (world, key) => {
    expect((await world.api('GET', imsPaths.key(key))).status).toBe(200);
  },
  succeeded: async (world, key) => {
    expect((await world.api('GET', imsPaths.key(key))).status).toBe(404);
  },
});
