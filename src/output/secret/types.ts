/** A command run by `--exec -- <command> [args…]`; argv is passed as given, never to a shell. */
export interface ExecSpec {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * Where a new secret goes, decided once by `planSinks` from the flags and the terminal.
 * `stdout` is what stdout shows: the human box (which always holds the secret), the JSON
 * document (which holds the secret only when `secretOnStdout`), or nothing.
 */
export interface SinkPlan {
  readonly file?: { readonly path: string; readonly force: boolean };
  readonly exec?: ExecSpec;
  readonly clipboard: boolean;
  /** Delay before the detached helper clears the clipboard; 0 keeps the clipboard as is. */
  readonly clearAfterMs: number;
  readonly stdout: 'human' | 'json' | 'none';
  /** True when stdout is one of the secret's planned destinations. */
  readonly secretOnStdout: boolean;
}

/** The JSON fields a create or rotate document gets from the delivery (snake_case, like the API). */
export interface SecretJsonFields {
  tenant_id: string;
  /** Present only when the secret was delivered on stdout. */
  access_secret_key?: string;
  /** Present only when the secret was delivered on stdout. */
  credential?: string;
  /** Where the secret went: `stdout`, `clipboard`, `file:<path>`, `exec:<command>`. */
  secret_delivered_to: string[];
}
