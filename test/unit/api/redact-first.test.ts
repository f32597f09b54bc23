import { describe, expect, it } from 'vitest';
import { oneLine, redact } from '../../../src/api/redact.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJlc2lnbmF0dXJl';

describe('redaction runs on the raw text, before anything flattens it', () => {
  it.each([
    ['a NUL', '\u0000'],
    ['a newline', '\n'],
    ['an escape', '\u001b'],
    ['a C1 control', '\u009b'],
  ])('a token with %s spliced in is still redacted whole', (_, control) => {
    const spliced = `${JWT.slice(0, 30)}${control}${JWT.slice(30)}`;
    const shown = oneLine(redact(`invalid token ${spliced} (expired)`));
    expect(shown).toBe('invalid token <token> (expired)');
    for (const part of [JWT.slice(0, 30), JWT.slice(30)]) expect(shown).not.toContain(part);
  });
});
