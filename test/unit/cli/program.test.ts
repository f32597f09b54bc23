import { describe, expect, it } from 'vitest';
import { keysVerbs } from '../../../src/cli/commands/keys/verbs.js';
import { createProgram } from '../../../src/cli/program.js';

const build = (withVerbs: boolean) =>
  createProgram({
    dispatch: async () => undefined,
    version: '9.9.9',
    writeOut: () => undefined,
    writeErr: () => undefined,
    loadedVerbs: withVerbs ? { keys: keysVerbs } : undefined,
  });

describe('createProgram', () => {
  it('prints the same top-level help with or without the keys verbs', () => {
    expect(build(false).helpInformation()).toBe(build(true).helpInformation());
  });

  it('adds the keys verbs only when asked', () => {
    const verbs = (withVerbs: boolean) =>
      build(withVerbs)
        .commands.find((c) => c.name() === 'keys')
        ?.commands.map((c) => c.name());
    expect(verbs(false)).toEqual([]);
    expect(verbs(true)).toEqual(expect.arrayContaining(['add', 'list', 'rotate', 'delete']));
  });
});
