/**
 * Environment variables as the caller hands them over: `process.env` in the CLI, a plain
 * object in tests. Read-only, so that nothing here changes the process's own environment.
 */
export type Env = Readonly<Record<string, string | undefined>>;
