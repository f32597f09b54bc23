/**
 * The words helixctl uses for key types in every output format: the `--type` flag's words,
 * not the wire values (docs/ims-api.md §6: `TENANT`, `API`, `USER`). Input accepts both.
 */
const WORDS: Record<string, string> = { TENANT: 'access', API: 'api', USER: 'user' };

/** `TENANT` -> `access`, `API` -> `api`, `USER` -> `user`; a type we do not know, as sent. */
export function keyTypeWord(wire: string): string {
  // A service that sends something other than text gets it back as sent, not a crash.
  return (typeof wire === 'string' ? WORDS[wire.toUpperCase()] : undefined) ?? wire;
}
