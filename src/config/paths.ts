import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Env } from '../core/env.js';
import { UsageError } from '../core/errors.js';

/** The files of the config folder. */
export interface ConfigFiles {
  dir: string;
  /** Profiles (URL, tenant, access key): no secrets. */
  config: string;
  /** Secrets per profile (0600). */
  credentials: string;
  /** Token cache (0600). */
  tokens: string;
}

/**
 * The config folder: `$HELIXCTL_CONFIG_DIR`, else `$XDG_CONFIG_HOME/helixctl`, else
 * `~/.config/helixctl`. A relative `XDG_CONFIG_HOME` is ignored, as the XDG spec says.
 */
export function configDir(env: Env): string {
  return pickDir(env, 'HELIXCTL_CONFIG_DIR', 'XDG_CONFIG_HOME', ['.config']);
}

/**
 * The data folder (the `local` profile's database): `$HELIXCTL_DATA_DIR`, else
 * `$XDG_DATA_HOME/helixctl`, else `~/.local/share/helixctl`.
 */
export function dataDir(env: Env): string {
  return pickDir(env, 'HELIXCTL_DATA_DIR', 'XDG_DATA_HOME', ['.local', 'share']);
}

export function configFiles(dir: string): ConfigFiles {
  return {
    dir,
    config: join(dir, 'config.json'),
    credentials: join(dir, 'credentials.json'),
    tokens: join(dir, 'tokens.json'),
  };
}

/** The `local` profile's emulator database and the default of `serve --db`. */
export function dataFiles(dir: string): { dir: string; localDb: string; serveDb: string } {
  return { dir, localDb: join(dir, 'local.db'), serveDb: join(dir, 'serve.db') };
}

/**
 * The home folder: `HOME` from the given environment (so tests and callers can pass their
 * own), else `os.homedir()`, which also honours the process's `HOME`.
 */
export function homeDir(env: Env): string {
  return env.HOME || homedir();
}

function pickDir(env: Env, own: string, xdg: string, fallback: string[]): string {
  const explicit = env[own];
  if (explicit) return resolve(explicit);
  const base = env[xdg];
  if (base && isAbsolute(base)) return join(base, 'helixctl');
  const home = homeDir(env);
  // An empty or relative HOME would put secrets under the current folder: refuse instead.
  if (!isAbsolute(home)) {
    throw new UsageError(
      `cannot tell where the home folder is (HOME is ${home ? 'relative' : 'empty'})`,
      {
        hint: `set HOME, or ${own} (and ${xdg === 'XDG_CONFIG_HOME' ? 'HELIXCTL_DATA_DIR' : 'HELIXCTL_CONFIG_DIR'}) to an absolute path`,
      },
    );
  }
  return join(home, ...fallback, 'helixctl');
}
