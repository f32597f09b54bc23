import type { AccessKeyRecord } from '../../../../wire/types.js';

/** Names that make a file name as they are, on every common file system and in shell globs. */
const PORTABLE = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/;

/** The extension of the credential files `--secret-dir` writes. */
export const SECRET_FILE_EXTENSION = '.cred';

/**
 * The `--secret-dir` file name of every key, decided before anything is rotated: the key's
 * name when it is portable and unique (case-insensitively, for macOS and Windows folders,
 * and distinct from every access key), otherwise its access key as it is now. A pipeline
 * then finds `ci-deploy.cred` run after run, even for API keys whose access key changes.
 */
export function secretFileNames(records: readonly AccessKeyRecord[]): Map<string, string> {
  const names = new Map<string, number>();
  for (const r of records) names.set(fold(r.name), (names.get(fold(r.name)) ?? 0) + 1);
  const accessKeys = new Set(records.map((r) => fold(r.access_key)));
  const out = new Map<string, string>();
  for (const r of records) {
    const usable =
      PORTABLE.test(r.name) &&
      names.get(fold(r.name)) === 1 &&
      (!accessKeys.has(fold(r.name)) || fold(r.name) === fold(r.access_key));
    out.set(r.access_key, `${usable ? r.name : r.access_key}${SECRET_FILE_EXTENSION}`);
  }
  return out;
}

function fold(text: string): string {
  return text.toLowerCase();
}
