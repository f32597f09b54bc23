import type { NewCredential } from '../../core/credential.js';
import type { DeliverDeps } from './deliver-types.js';
import type { SecretJsonFields } from './types.js';

type StdoutDeps = Pick<DeliverDeps, 'stdout' | 'renderHuman' | 'renderJson'>;

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * The secret's stdout forms: the human box (printed at most once, preceded by the GitHub
 * mask lines so that the runner reads them first on the very stream that carries the
 * secret) and the JSON fields of the create/rotate document.
 */
export class StdoutSink {
  private boxPrinted = false;

  constructor(
    private readonly cred: NewCredential,
    private readonly deps: StdoutDeps,
    private readonly masks: string,
  ) {}

  /** Prints the box unless it already was; returns whether it printed now. */
  box(): boolean {
    if (this.boxPrinted) return false;
    this.boxPrinted = true;
    if (this.masks !== '') this.deps.stdout(this.masks);
    this.deps.stdout(withNewline(this.deps.renderHuman(this.cred)));
    return true;
  }

  json(withSecret: boolean, deliveredTo: readonly string[]): void {
    this.deps.stdout(
      withNewline(this.deps.renderJson(secretJsonFields(this.cred, withSecret, deliveredTo))),
    );
  }
}

/** The delivery's share of the JSON document: the secret only when stdout is a destination. */
export function secretJsonFields(
  cred: NewCredential,
  withSecret: boolean,
  deliveredTo: readonly string[],
): SecretJsonFields {
  const secret = withSecret
    ? { access_secret_key: cred.secretKey, credential: cred.credential }
    : {};
  return { tenant_id: cred.tenantId, ...secret, secret_delivered_to: [...deliveredTo] };
}
