import { ServiceError } from '../../core/errors.js';
import { badServiceField, type ServiceCredentialValues } from '../../core/service-values.js';

/**
 * The gate every secret sink is behind (single-key delivery and bulk rotation): a new
 * credential from the service whose access key, secret or tenant id is outside its character
 * set (src/core/service-values.ts) reaches no file, no child's environment, no clipboard and
 * no stdout. Throws ServiceError (exit 7) naming the field, never its value.
 */
export function assertDeliverable(values: ServiceCredentialValues): void {
  const field = badServiceField(values);
  if (field === undefined) return;
  throw new ServiceError(`unexpected answer from the service: ${field}`, {
    code: 'UNEXPECTED_ANSWER',
    hint: 'the answer was not used; check the key with `helixctl keys show` and rotate it',
  });
}
