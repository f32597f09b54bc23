/** Placeholder until `keys rotate --all` lands (it is a stub on this branch). */
export async function rotateCases() {
  throw new Error('keys rotate --all is not implemented on this branch yet');
}
