import { describe, expect, it } from 'vitest';
import { resolveRefs } from '../../../../src/cli/commands/keys/shared/directory-refs.js';

const groups = [
  { id: '100000000000001', name: 'Administrators' },
  { id: '100000000000002', name: 'Operators' },
  { id: '100000000000003', name: 'ops' },
];

describe('resolveRefs', () => {
  it('takes ids and exact names, and a unique case-insensitive name, in order', () => {
    expect(
      resolveRefs('group', ['100000000000001', 'Operators', 'administrators'], groups),
    ).toEqual([groups[0], groups[1], groups[0]]);
  });

  it('refuses an unknown name, listing what exists', () => {
    expect(() => resolveRefs('group', ['Nope'], groups)).toThrow(/unknown group "Nope"/);
    const refused = (() => {
      try {
        resolveRefs('role', ['x'], []);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toMatchObject({ hint: 'this tenant has no roles', exitCode: 2 });
  });

  it('prefers the exact name when case-folding is ambiguous', () => {
    expect(resolveRefs('group', ['ops'], groups)).toEqual([groups[2]]);
    expect(() => resolveRefs('group', ['OPS'], [...groups, { id: '4', name: 'Ops' }])).toThrow(
      /unknown group/,
    );
  });
});
