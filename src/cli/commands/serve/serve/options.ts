export interface ServeOptions {
  host: string;
  port: number;
  /** A file path or `:memory:`; undefined = serve.db in the data folder. */
  db?: string;
  seed?: string;
  testClock: boolean;
  latencyMs?: number;
  newAdminCredential?: boolean;
}
