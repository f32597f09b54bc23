import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDir, configFiles, dataDir, dataFiles } from '../../../src/config/paths.js';

describe('config and data folders', () => {
  it('prefer the helixctl variables', () => {
    const env = {
      HELIXCTL_CONFIG_DIR: '/c',
      HELIXCTL_DATA_DIR: '/d',
      XDG_CONFIG_HOME: '/x',
      HOME: '/h',
    };
    expect(configDir(env)).toBe('/c');
    expect(dataDir(env)).toBe('/d');
  });

  it('then XDG, then the home folder', () => {
    expect(configDir({ XDG_CONFIG_HOME: '/x', HOME: '/h' })).toBe('/x/helixctl');
    expect(dataDir({ XDG_DATA_HOME: '/y', HOME: '/h' })).toBe('/y/helixctl');
    expect(configDir({ HOME: '/h' })).toBe('/h/.config/helixctl');
    expect(dataDir({ HOME: '/h' })).toBe('/h/.local/share/helixctl');
  });

  it('treat empty as unset and ignore a relative XDG folder', () => {
    expect(configDir({ HELIXCTL_CONFIG_DIR: '', XDG_CONFIG_HOME: 'rel', HOME: '/h' })).toBe(
      '/h/.config/helixctl',
    );
  });

  it('resolve a relative HELIXCTL_CONFIG_DIR against the working folder', () => {
    expect(configDir({ HELIXCTL_CONFIG_DIR: 'conf' })).toBe(join(process.cwd(), 'conf'));
  });

  it('fall back to os.homedir() without HOME', () => {
    expect(configDir({})).toMatch(/\/\.config\/helixctl$/);
  });

  it('name the files', () => {
    expect(configFiles('/c')).toEqual({
      dir: '/c',
      config: '/c/config.json',
      credentials: '/c/credentials.json',
      tokens: '/c/tokens.json',
    });
    expect(dataFiles('/d')).toEqual({ dir: '/d', localDb: '/d/local.db', serveDb: '/d/serve.db' });
  });
});

describe('a missing home folder', () => {
  it.each([['relative/home'], ['./h']])(
    'refuses HOME=%j instead of writing under the current folder',
    (home) => {
      expect(() => configDir({ HOME: home })).toThrow(/home folder/);
      expect(() => dataDir({ HOME: home })).toThrow(/home folder/);
      expect(configDir({ HOME: home, HELIXCTL_CONFIG_DIR: '/x/cfg' })).toBe('/x/cfg');
    },
  );
});
