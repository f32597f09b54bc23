import type { Env } from '../../core/env.js';

/**
 * Escapes a value for the data part of a GitHub workflow command, as @actions/core's
 * `escapeData` does: `%` first (so the other escapes survive), then CR and LF.
 */
export function escapeWorkflowData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/**
 * The `::add-mask::` lines (no line ends) that make the GitHub Actions runner hide `values`
 * in the job log, or none outside GitHub Actions (`GITHUB_ACTIONS` is exactly `true` there).
 * Empty values are skipped (masking "" means nothing) and duplicates written once.
 * The runner reads workflow commands on stdout and on stderr; the caller writes these lines
 * before any output that could hold a value.
 */
export function githubMaskLines(values: readonly string[], env: Env): string[] {
  if (env.GITHUB_ACTIONS !== 'true') return [];
  const unique = [...new Set(values.filter((value) => value !== ''))];
  return unique.map((value) => `::add-mask::${escapeWorkflowData(value)}`);
}

/**
 * The warning for GitLab CI (`GITLAB_CI=true`), or undefined elsewhere. GitLab masks only
 * variables defined in the project settings, never a value produced during the job, so a
 * secret printed on stdout stays readable in the job log.
 */
export function gitlabMaskWarning(env: Env): string | undefined {
  if (env.GITLAB_CI !== 'true') return undefined;
  return 'GitLab CI cannot mask a secret created during the job: it is visible in the job log; use --secret-file or --exec -- <cmd> instead';
}
