import { describe, expect, it } from 'vitest';
import { badServiceField } from '../../../src/core/service-values.js';

const ok = {
  accessKey: 'ACMEPLAIN000000000000000000000',
  secretKey: 'Secret0AcmePlainxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  tenantId: '1000000001',
};

describe('badServiceField', () => {
  it('accepts what the emulator and the service hand out, and printable ASCII secrets', () => {
    expect(badServiceField(ok)).toBeUndefined();
    expect(
      badServiceField({ ...ok, secretKey: 'a!"#$%&\'()*+-./:;<=>?@[\\]^_`{|}~z' }),
    ).toBeUndefined();
  });

  it.each([
    ['access_key', { accessKey: 'ACME\x1b[2J' }],
    ['access_key', { accessKey: 'A:B' }],
    ['access_key', { accessKey: '' }],
    ['access_secret_key', { secretKey: `${ok.secretKey}\n` }],
    ['access_secret_key', { secretKey: `x\x1b]52;c;AAAA\x07${ok.secretKey}` }],
    ['access_secret_key', { secretKey: `${ok.secretKey} x` }],
    ['access_secret_key', { secretKey: `${ok.secretKey},tenant id:1` }],
    ['access_secret_key', { secretKey: `${ok.secretKey}\u009b` }],
    ['access_secret_key', { secretKey: 'short' }],
    ['access_secret_key', { secretKey: 'x'.repeat(257) }],
    ['access_secret_key', { secretKey: 42 }],
    ['tenant_id', { tenantId: '1000000001\n' }],
    ['tenant_id', { tenantId: '10a' }],
    ['tenant_id', { tenantId: 1000000001 }],
  ])('refuses a bad %s', (field, change) => {
    expect(badServiceField({ ...ok, ...change })).toBe(field);
  });
});
