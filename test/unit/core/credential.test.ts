import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accessKeyProblem,
  formatCredential,
  isAccessKeyShaped,
  isUserIdShaped,
  parseCredential,
} from '../../../src/core/credential.js';
import { UsageError } from '../../../src/core/errors.js';

const AK = 'AB12CD34EF56GH78IJ90KL12MN34OP';
const SK = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5hJ7kL9mN1pQ3rS';
const TENANT = '1234567890';

function errorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('credential copy format', () => {
  it('fixtures have the real lengths', () => {
    expect(AK).toHaveLength(30);
    expect(SK).toHaveLength(50);
  });

  it('formats exactly as docs/cli-contract.md §7 says', () => {
    expect(formatCredential({ accessKey: AK, secretKey: SK, tenantId: TENANT })).toBe(
      `key:${AK}::${SK},tenant id:${TENANT}`,
    );
  });

  it.each([
    ['copy format', `key:${AK}::${SK},tenant id:${TENANT}`],
    ['portal rendering (space after tenant id:)', `key:${AK}::${SK},tenant id: ${TENANT}`],
    ['surrounding whitespace and newline', `  key:${AK}::${SK},tenant id:${TENANT}\n`],
    ['CRLF', `key:${AK}::${SK},tenant id:${TENANT}\r\n`],
    ['space after the comma', `key:${AK}::${SK}, tenant id: ${TENANT}`],
    ['capitalised labels', `Key:${AK}::${SK},Tenant ID:${TENANT}`],
    ['integration triple', `${TENANT}::${AK}::${SK}`],
  ])('parses the %s', (_label, text) => {
    expect(parseCredential(text)).toEqual({ accessKey: AK, secretKey: SK, tenantId: TENANT });
  });

  it.each([
    ['', /empty/],
    ['   \n', /empty/],
    [`key:${AK}::${SK},tenant id:${TENANT}\nkey:${AK}`, /single line/],
    [`${AK}::${SK},tenant id:${TENANT}`, /missing "key:" prefix/],
    [`key:${AK}${SK},tenant id:${TENANT}`, /missing "::"/],
    [`key:${AK}::${SK}`, /missing ",tenant id:/],
    [`key:${AK}::${SK},tenant:${TENANT}`, /expected "tenant id:"/],
    [`key:${AK.slice(1)}::${SK},tenant id:${TENANT}`, /access key must be 30 .*got 29/],
    [`key:${AK.toLowerCase()}::${SK},tenant id:${TENANT}`, /lower-case/],
    [`key:${AK.slice(1)}-::${SK},tenant id:${TENANT}`, /other characters/],
    [`key:${AK}::${SK}x,tenant id:${TENANT}`, /secret key must be 50 .*got 51/],
    [`key:${AK}::${SK.slice(2)}!!,tenant id:${TENANT}`, /other than letters and digits/],
    [`key:${AK}::${SK},tenant id:12a4`, /tenant id must be digits/],
    [`key:${AK}::${SK},tenant id:`, /tenant id must be digits/],
    [`key:${AK}::${SK},tenant id:${TENANT} and more`, /unexpected text after the tenant id/],
    [`key:${SK}::${AK},tenant id:${TENANT}`, /swapped/],
    [`${AK}::${SK}::${TENANT}`, /out of order/],
    [`${TENANT}::${SK}::${AK}`, /swapped/],
    ['hello world', /expected key:<access key>/],
    [`${TENANT}::${AK}::${SK}::extra`, /expected key:<access key>/],
  ])('rejects %j precisely', (text, message) => {
    const error = errorOf(() => parseCredential(text));
    expect(error.message).toMatch(message);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('never echoes the secret or the input in a message', () => {
    const inputs = [
      `key:${AK}::${SK}x,tenant id:${TENANT}`,
      `key:${SK}::${AK},tenant id:${TENANT}`,
      `${SK}::${AK}::${TENANT}`,
      `key:${SK}${AK},tenant id:${TENANT}`,
      `key:${AK}::${SK},tenant id:${TENANT} ${SK}`,
      `${SK}`,
    ];
    for (const text of inputs) {
      const error = errorOf(() => parseCredential(text));
      const shown = `${error.message} ${error.hint ?? ''}`;
      expect(shown).not.toContain(SK.slice(0, 12));
      expect(shown).not.toContain(SK.slice(-12));
    }
  });

  it('round-trips any valid credential (property)', () => {
    const accessKey = fc.stringMatching(/^[A-Z0-9]{30}$/);
    const secretKey = fc.stringMatching(/^[A-Za-z0-9]{50}$/);
    const tenantId = fc.stringMatching(/^\d{1,12}$/);
    fc.assert(
      fc.property(accessKey, secretKey, tenantId, (a, s, t) => {
        const credential = { accessKey: a, secretKey: s, tenantId: t };
        expect(parseCredential(formatCredential(credential))).toEqual(credential);
        expect(parseCredential(`${t}::${a}::${s}`)).toEqual(credential);
      }),
    );
  });

  it('fails on any corrupted secret with a message free of it (property)', () => {
    const bad = fc
      .stringMatching(/^[A-Za-z0-9!@#$%^&*()=_+ ]{1,80}$/)
      .filter((s) => !/^[A-Za-z0-9]{50}$/.test(s));
    fc.assert(
      fc.property(bad, (secret) => {
        const error = errorOf(() => parseCredential(`key:${AK}::${secret},tenant id:${TENANT}`));
        if (secret.trim().length >= 6) expect(error.message).not.toContain(secret.trim());
      }),
    );
  });
});

describe('shapes', () => {
  it('tells access keys from user ids', () => {
    expect(isAccessKeyShaped(AK)).toBe(true);
    expect(isAccessKeyShaped('1'.repeat(30))).toBe(false);
    expect(isAccessKeyShaped(AK.toLowerCase())).toBe(false);
    expect(isAccessKeyShaped(`${AK}A`)).toBe(false);
    expect(isUserIdShaped('555568022225499')).toBe(true);
    expect(isUserIdShaped(AK)).toBe(false);
    expect(isUserIdShaped('')).toBe(false);
    expect(isUserIdShaped('12a')).toBe(false);
  });

  it('explains why something is not an access key', () => {
    expect(accessKeyProblem(AK)).toBeUndefined();
    expect(accessKeyProblem('')).toBe('is empty');
    expect(accessKeyProblem('ABC')).toBe(
      'must be 30 upper-case letters and digits, got 3 characters',
    );
  });
});
