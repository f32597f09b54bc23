import { secretKeyProblem } from '../core/credential.js';
import { UsageError } from '../core/errors.js';
import { Redacted } from '../core/redacted.js';
import { configFiles } from './paths.js';
import { isProfileName, isRecord, validateProfileName } from './profile-schema.js';
import { readSection, type SecretStoreFile, updateSection } from './secret-store.js';

/**
 * credentials.json: `{"version": 1, "profiles": {"<profile>": {"secret_key": "…"}}}`, 0600,
 * written atomically. Kept apart from config.json so that sharing or printing the settings
 * never shares a secret. Secrets come back wrapped in {@link Redacted}.
 */
function credentialsFile(dir: string): SecretStoreFile {
  return {
    path: configFiles(dir).credentials,
    dir,
    label: 'credentials file',
    section: 'profiles',
  };
}

/** Every stored secret by profile name (entries that are not well formed are skipped). */
export async function loadSecrets(dir: string): Promise<Record<string, Redacted>> {
  const map = await readSection(credentialsFile(dir));
  const secrets = Object.create(null) as Record<string, Redacted>;
  for (const [name, entry] of Object.entries(map)) {
    if (!isProfileName(name)) continue;
    const secret = isRecord(entry) ? entry.secret_key : undefined;
    if (typeof secret === 'string' && secret !== '') secrets[name] = new Redacted(secret);
  }
  return secrets;
}

export async function getSecret(dir: string, profile: string): Promise<Redacted | undefined> {
  return (await loadSecrets(dir))[validateProfileName(profile)];
}

/** Stores a profile's secret key. @throws UsageError (without the secret) when malformed. */
export async function saveSecret(
  dir: string,
  profile: string,
  secret: Redacted | string,
): Promise<void> {
  validateProfileName(profile);
  const value = typeof secret === 'string' ? secret : secret.reveal();
  const problem = secretKeyProblem(value);
  if (problem) throw new UsageError(`the secret key ${problem}`);
  await updateSection(credentialsFile(dir), (map) => {
    map[profile] = { secret_key: value };
  });
}

/** Forgets a profile's secret. False when there was none (nothing is written then). */
export async function removeSecret(dir: string, profile: string): Promise<boolean> {
  validateProfileName(profile);
  const file = credentialsFile(dir);
  // Nothing to remove: nothing is created or written. Otherwise the check is made again with
  // the write, under the lock (a login may have changed the file meanwhile).
  if (!Object.hasOwn(await readSection(file), profile)) return false;
  return updateSection(file, (map) => {
    if (!Object.hasOwn(map, profile)) return false;
    delete map[profile];
    return true;
  });
}
