import { UsageError } from '../core/errors.js';
import { quoteForMessage } from '../core/quote.js';
import { withConfigLock } from './config-lock.js';
import { openConfigStore, readConfigStore } from './config-store.js';
import { configFiles } from './paths.js';
import {
  LOCAL_PROFILE,
  type Profile,
  type ProfilesFile,
  parseProfilesFile,
  validateProfile,
  validateProfileName,
} from './profile-schema.js';
import { readSecureJson } from './secure-file.js';

/** One row of `profiles list`. `local` is listed even when nothing is stored for it. */
export interface ProfileEntry {
  name: string;
  profile: Profile | undefined;
  current: boolean;
  builtIn: boolean;
}

/**
 * Reads config.json without creating anything (so env-only runs leave the disk untouched).
 * A missing file is an empty set of profiles.
 */
export async function loadProfiles(dir: string): Promise<ProfilesFile> {
  const { config } = configFiles(dir);
  return parseProfilesFile(await readSecureJson(config, 'config file'), config);
}

export async function getProfile(dir: string, name: string): Promise<Profile | undefined> {
  return (await loadProfiles(dir)).profiles[validateProfileName(name)];
}

/** Every stored profile by name, plus `local`, with which one is current. */
export async function listProfiles(dir: string): Promise<ProfileEntry[]> {
  const { current_profile: current, profiles } = await loadProfiles(dir);
  const names = new Set([...Object.keys(profiles), LOCAL_PROFILE]);
  return [...names].sort().map((name) => ({
    name,
    profile: profiles[name],
    current: name === current,
    builtIn: name === LOCAL_PROFILE,
  }));
}

/** Stores (or replaces) a profile; the `local` profile is refused a URL. */
export async function saveProfile(dir: string, name: string, profile: Profile): Promise<void> {
  const valid = validateProfile(name, profile);
  await update(dir, (file) => {
    file.profiles[name] = valid;
  });
}

/** Removes a profile; clears `current_profile` when it pointed there. False when absent. */
export async function removeProfile(dir: string, name: string): Promise<boolean> {
  validateProfileName(name);
  let found = false;
  await update(dir, (file) => {
    found = Object.hasOwn(file.profiles, name);
    delete file.profiles[name];
    if (file.current_profile === name) delete file.current_profile;
  });
  return found;
}

/** Makes `name` the default profile; it must be stored, or be `local`. */
export async function setCurrentProfile(dir: string, name: string): Promise<void> {
  validateProfileName(name);
  await update(dir, (file) => {
    if (name !== LOCAL_PROFILE && !Object.hasOwn(file.profiles, name)) {
      throw new UsageError(`no profile named ${quoteForMessage(name)}`, {
        hint: 'see the stored profiles with: helixctl profiles list',
      });
    }
    file.current_profile = name;
  });
}

/**
 * Read, change and write config.json through conf (atomic, 0600), in a 0700 folder, under the
 * config lock (config-lock.ts) so that conf's read and its write are one step for other
 * processes. The file is read (and refused unless a regular file) by readSecureJson before conf
 * opens it: conf would block on a FIFO or read a device without end.
 */
async function update(dir: string, change: (file: ProfilesFile) => void): Promise<void> {
  await withConfigLock(dir, async () => {
    const { config } = configFiles(dir);
    await readSecureJson(config, 'config file');
    const store = await openConfigStore(dir);
    const file = parseProfilesFile(readConfigStore(store), store.path);
    change(file);
    const next: Record<string, unknown> = { profiles: { ...file.profiles } };
    if (file.current_profile !== undefined) next.current_profile = file.current_profile;
    store.store = next;
  });
}
