import type { ExecSpec } from '../../../../output/secret/types.js';
import type { AccessKeyRecord, KeyType } from '../../../../wire/types.js';

/** What happened to one key of `keys rotate --all`. */
export type BulkOutcome = 'rotated' | 'skipped' | 'failed';

/** A key chosen by the filters, with what was decided about it before anything changed. */
export interface BulkTarget {
  record: AccessKeyRecord;
  /** The file name under `--secret-dir`: known before rotating, so it is stable across runs. */
  fileName: string;
  /** Set when the key is not rotated at all (`<tenant id>@` names, an interrupted run). */
  skipReason?: string;
}

/** Where the new secrets go; decided and checked before the first rotation. */
export interface BulkSinks {
  dir?: { path: string; force: boolean };
  exec?: ExecSpec;
  /** `--json`/`-o ndjson` with no other sink: each result carries its new secret. */
  stdout: boolean;
}

/** A failure as the JSON result reports it; `exit_code` is its code in docs/cli-contract.md §8. */
export interface BulkError {
  code: string;
  message: string;
  /** What to do about it, when there is something (e.g. how to check an unknown outcome). */
  hint?: string;
  exit_code: number;
}

/**
 * One result, in the shape `--json` prints (snake_case like the API). `rotated` tells a
 * failed key whose secret did change (delivery failed afterwards) from one left untouched.
 */
export interface BulkRow {
  name: string;
  access_key: string;
  /** API keys only: the access key the rotation produced (the old one works for the grace period). */
  new_access_key?: string;
  /** The wire type while rotating; printed as `--type` spells it (`access`, `api`, `user`). */
  type: KeyType | string;
  result: BulkOutcome;
  rotated: boolean;
  /** The renewed expiry (wire form, printed RFC 3339 UTC; null = never): rotation renews (README "Key lifecycle"). */
  new_expiry_time?: string | null;
  /** Why a key was skipped. */
  reason?: string;
  error?: BulkError;
  secret_file?: string;
  /** `file:<path>`, `exec:<command>`, `stdout`, in the order they happened. */
  secret_delivered_to?: string[];
  tenant_id?: string;
  /** Only when stdout is where the secret goes (or the planned sink failed). */
  access_secret_key?: string;
  credential?: string;
}
