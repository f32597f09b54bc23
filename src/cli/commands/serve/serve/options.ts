/** The `serve` flags as parsed; body.ts resolves them into a ServeConfig. */
export interface ServeOptions {
  host: string;
  port: number;
  /** A file path or `:memory:`; undefined = serve.db in the data folder. */
  db?: string;
  seed?: string;
  testClock: boolean;
  latencyMs?: number;
  /** `--tls`: HTTPS with a generated CA and certificate. */
  tls?: boolean;
  tlsCert?: string;
  tlsKey?: string;
  newAdminCredential?: boolean;
  /** `--print-example-seed`: print the shipped example seed and exit; no server. */
  printExampleSeed?: boolean;
}
