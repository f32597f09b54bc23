/**
 * A person may hold at most this many user-level keys, deactivated ones included (docs/ims-api.md
 * §9). The service enforces it; the CLI counts against it only to refuse early (a `--grace`
 * clone, a dry run), and the emulator enforces it as the service does.
 */
export const USER_KEY_LIMIT = 2;
