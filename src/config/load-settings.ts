import type { Env } from '../core/env.js';
import { loadSecrets } from './credentials.js';
import { type ConfigFiles, configDir, configFiles, homeDir } from './paths.js';
import { checkPermissions } from './permissions.js';
import { emptyProfiles } from './profile-schema.js';
import { loadProfiles } from './profiles.js';
import { needsFiles, resolveSettings } from './resolve.js';
import type { GlobalFlags, LoadedFiles, Settings } from './settings.js';

export interface LoadSettingsInput {
  flags: GlobalFlags;
  env: Env;
  stdoutIsTty?: boolean;
  requireCredentials?: boolean;
}

export interface LoadedSettings {
  settings: Settings;
  /** Loose-permission warnings, one line each, for the caller to print on stderr. */
  warnings: string[];
  files: ConfigFiles;
}

/**
 * Reads the config folder and resolves the settings ({@link resolveSettings}). Only reads:
 * nothing is created or written. With complete credentials in the environment and no profile
 * asked for, the folder is not even read.
 */
export async function loadSettings(input: LoadSettingsInput): Promise<LoadedSettings> {
  const files = configFiles(configDir(input.env));
  let loaded: LoadedFiles = {
    profiles: { profiles: emptyProfiles() },
    secrets: Object.create(null) as LoadedFiles['secrets'],
  };
  const warnings: string[] = [];
  if (needsFiles(input.flags, input.env)) {
    loaded = { profiles: await loadProfiles(files.dir), secrets: await loadSecrets(files.dir) };
    warnings.push(...(await permissionWarnings(files, homeDir(input.env))));
  }
  const settings = resolveSettings({ ...input, files: loaded });
  return { settings, warnings, files };
}

/** Warnings for the folder and the two secrets files (config.json holds no secret). */
export async function permissionWarnings(files: ConfigFiles, home?: string): Promise<string[]> {
  const checks = await Promise.all([
    checkPermissions(files.dir, 'config folder', home, 'folder'),
    checkPermissions(files.credentials, 'credentials file', home, 'file'),
    checkPermissions(files.tokens, 'token cache', home, 'file'),
  ]);
  return checks.filter((warning): warning is string => warning !== undefined);
}
