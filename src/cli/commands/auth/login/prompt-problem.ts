import { isHelixError } from '../../../../core/errors.js';

/** A prompt validator from a checking function: true when it passes, else its message. */
export function promptProblem(check: () => unknown): true | string {
  try {
    check();
    return true;
  } catch (error) {
    if (isHelixError(error)) return error.message;
    throw error;
  }
}
