/**
 * Scrubbing of text that may end up in an error message or a trace line. Messages are built
 * from our own words plus, at most, the IMS envelope's `error` text: these helpers make sure
 * that even a service echoing a secret or a token back cannot leak it.
 */

// Control characters count as part of a token: one spliced into it (a NUL, a newline) must
// not cut it into pieces that no longer look like a token (redaction runs on the raw text,
// before `oneLine` flattens controls).
const TOKEN_CHAR = '[\\w\\u0000-\\u001f\\u007f-\\u009f-]';
const JWT_LIKE = new RegExp(`eyJ${TOKEN_CHAR}*\\.${TOKEN_CHAR}+\\.${TOKEN_CHAR}*`, 'g');
const BEARER = /\bBearer\s+\S+/gi;
// A secret shorter than this would redact ordinary words; ours are 50 chars, tokens longer.
const MIN_SECRET_LENGTH = 6;

/**
 * Replaces every known secret, anything shaped like a JWT and any bearer credential. Run it
 * first, on the raw text, before any other transformation (`oneLine`, sanitising).
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join('***');
  }
  return out.replace(BEARER, 'Bearer ***').replace(JWT_LIKE, '<token>');
}

/** One printable line of at most `max` characters: no control characters, no newlines. */
export function oneLine(text: string, max = 200): string {
  const printable = Array.from(text, (ch) => (isControl(ch.codePointAt(0) ?? 0) ? ' ' : ch)).join(
    '',
  );
  const flat = printable.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * The string values of a JSON request body whose field names say they are secret
 * (`access_secret_key`, `token`, `password`...), at any depth.
 */
export function secretValues(body: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string, depth: number): void => {
    if (depth > 8) return;
    if (typeof value === 'string') {
      if (/secret|token|password/i.test(key)) found.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key, depth + 1);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k, depth + 1);
    }
  };
  visit(body, '', 0);
  return found;
}
