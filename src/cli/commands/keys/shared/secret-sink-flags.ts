/** Where a newly generated secret goes: clipboard, 0600 file or a child process (docs/cli-contract.md §7). */
export interface SecretSinkFlags {
  /** undefined = the default (clipboard on an interactive terminal). */
  copy?: boolean;
  secretFile?: string;
  force: boolean;
  /** Command and arguments given after `--exec --`. */
  exec?: string[];
  clearAfterMs?: number;
}
