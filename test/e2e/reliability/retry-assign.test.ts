import { expect } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { describeIdempotentFaults } from './idempotent-suite.js';
import { uniqueName, type World } from './world.js';

async function roleNames(world: World, key: string): Promise<string[]> {
  const r = await world.api('GET', imsPaths.keyRoles(key));
  return (r.body.records as Array<{ name: string }>).map((role) => role.name);
}

describeIdempotentFaults({
  label: 'keys assign --role',
  method: 'PUT',
  path: (key) => new RegExp(`^/ims/api/v1/access_keys/${key}/roles$`),
  prepare: async (world) => (await world.createKey(uniqueName('assigned'))).accessKey,
  argv: (key) => ['keys', 'assign', key, '--role', 'Viewer'],
  unchanged: async (world, key) => {
    expect(await roleNames(world, key)).toEqual([]);
  },
  // A truncated answer: the PUT was sent three times, and that is harmless (idempotent).
  applied: async (world, key) => {
    expect(await roleNames(world, key)).toEqual(['Viewer']);
  },
  succeeded: async (world, key, result) => {
    expect(await roleNames(world, key)).toEqual(['Viewer']);
    expect(result.stdout).toContain('Viewer');
  },
});
