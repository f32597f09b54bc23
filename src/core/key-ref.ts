import { isAccessKeyShaped, isUserIdShaped } from './credential.js';
import { NotFoundError, UsageError } from './errors.js';
import { isLive, lifecycleOf } from './key-lifecycle.js';
import { quoteForMessage } from './quote.js';

/** What a key candidate must carry to be resolved. */
export interface KeyCandidate {
  access_key: string;
  name: string;
  user_id?: string;
  description?: string | null;
}

/** How many ambiguous candidates a message lists before "and N more". */
export const MAX_LISTED_CANDIDATES = 10;

/**
 * What a `<key>` argument looks like: an access key or a numeric user id can be sent to the
 * API as they are; a name needs the key list first.
 */
export function classifyKeyRef(ref: string): 'access_key' | 'user_id' | 'name' {
  if (isAccessKeyShaped(ref)) return 'access_key';
  if (isUserIdShaped(ref)) return 'user_id';
  return 'name';
}

/**
 * Resolves a `<key>` argument against the tenant's keys (docs/cli-contract.md §1): an access-key
 * match wins, then a numeric user id, then exact (case-sensitive) names.
 *
 * @throws NotFoundError when nothing matches (with a hint when only the case differs);
 *   UsageError (exit 2) when several keys have that name, listing them.
 */
export function resolveKeyRef<T extends KeyCandidate>(ref: string, candidates: readonly T[]): T {
  const byAccessKey = candidates.find((c) => c.access_key === ref);
  if (byAccessKey) return byAccessKey;
  const byUserId = isUserIdShaped(ref) ? candidates.find((c) => c.user_id === ref) : undefined;
  if (byUserId) return byUserId;
  // A name means one live key: retiring and pending keys of a hand-over are reached by their
  // access key only (README "Key lifecycle").
  const named = candidates.filter((c) => c.name === ref);
  const byName = named.filter((c) => isLive(c));
  const [only] = byName;
  if (byName.length === 1 && only) return only;
  if (byName.length > 1) throw ambiguous(ref, byName);
  const [handing] = named;
  if (handing) {
    throw new NotFoundError(
      `no live key named ${quoteForMessage(ref)}: ${handing.access_key} is in a hand-over (${lifecycleOf(handing).state})`,
      { hint: `pass its access key: ${handing.access_key}` },
    );
  }
  const folded = candidates.filter((c) => c.name.toLowerCase() === ref.toLowerCase());
  const hint = folded[0]
    ? `did you mean ${quoteForMessage(folded[0].name)}?`
    : 'list keys with: helixctl keys list';
  throw new NotFoundError(`no key with access key or name ${quoteForMessage(ref)}`, { hint });
}

function ambiguous(ref: string, matches: readonly KeyCandidate[]): UsageError {
  const listed = matches
    .slice(0, MAX_LISTED_CANDIDATES)
    .map((c) => `${quoteForMessage(c.name)} (${c.access_key})`);
  const more = matches.length - listed.length;
  const tail = more > 0 ? `, and ${more} more` : '';
  return new UsageError(
    `key name ${quoteForMessage(ref)} matches ${matches.length} keys: ${listed.join(', ')}${tail}`,
    { hint: 'pass the access key instead of the name', code: 'AMBIGUOUS_KEY' },
  );
}
