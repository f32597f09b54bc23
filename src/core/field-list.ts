/**
 * `--fields a,b,c` (docs/cli-contract.md §6): the names in the order given, each once. Names
 * are the JSON field names, matched case-insensitively; surrounding spaces are ignored.
 * Returns an error message instead when a name is empty or not one of `valid`.
 */
export function parseFieldList(
  text: string,
  valid: readonly string[],
): { fields: string[] } | { error: string } {
  const names = text.split(',').map((name) => name.trim().toLowerCase());
  if (names.some((name) => name === '')) {
    return { error: `expected field names separated by commas; valid: ${valid.join(', ')}.` };
  }
  const unknown = names.filter((name) => !valid.includes(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => JSON.stringify(name)).join(', ');
    return { error: `unknown field ${list}; valid: ${valid.join(', ')}.` };
  }
  return { fields: [...new Set(names)] };
}

/** `record` with only `fields`, in that order; a field the record lacks is null. */
export function pickFields(
  record: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) picked[field] = Object.hasOwn(record, field) ? record[field] : null;
  return picked;
}
