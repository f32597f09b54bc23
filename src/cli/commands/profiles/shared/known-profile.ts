import { LOCAL_PROFILE, type ProfilesFile } from '../../../../config/profile-schema.js';
import { UsageError } from '../../../../core/errors.js';
import { quoteForMessage } from '../../../../core/quote.js';
import { closestName } from '../../../../core/suggest.js';

/** The error for a profile name that is not stored, listing the ones that are. */
export function unknownProfile(name: string, file: ProfilesFile): UsageError {
  const names = [...new Set([...Object.keys(file.profiles), LOCAL_PROFILE])].sort();
  const near = closestName(name, names);
  const guess = near === undefined ? '' : `did you mean ${quoteForMessage(near)}? `;
  return new UsageError(`no profile named ${quoteForMessage(name)}`, {
    hint: `${guess}known profiles: ${names.join(', ')}; create one with: helixctl login --profile ${name}`,
  });
}

/** `portal URL, tenant T, key K` (or the emulator for `local`), for prompts and messages. */
export function describeProfile(
  name: string,
  profile: { url?: string; tenant_id: string; access_key: string } | undefined,
): string {
  const where = name === LOCAL_PROFILE ? 'the built-in emulator' : (profile?.url ?? 'no URL');
  if (!profile) return where;
  return `${where}, tenant ${profile.tenant_id}, key ${profile.access_key}`;
}
