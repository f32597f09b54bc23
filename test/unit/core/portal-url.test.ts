import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { isOutputFormat } from '../../../src/core/output-format.js';
import { parsePortalUrl } from '../../../src/core/portal-url.js';

describe('parsePortalUrl', () => {
  it.each([
    ['https://acme.onbmc.com', 'https://acme.onbmc.com'],
    ['https://acme.onbmc.com/', 'https://acme.onbmc.com'],
    [' HTTPS://Acme.OnBMC.com ', 'https://acme.onbmc.com'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://proxy.example/helix//', 'https://proxy.example/helix'],
  ])('normalises %j', (text, url) => {
    expect(parsePortalUrl(text, '--url')).toBe(url);
  });

  it.each([
    ['acme.onbmc.com', /^HELIX_URL "acme.onbmc.com" is not a URL$/],
    ['ftp://acme', /^HELIX_URL must start with https:\/\/ or http:\/\/, got "ftp:"$/],
    ['https://admin:hunter2@acme', /^HELIX_URL must not contain a user name or password$/],
    ['https://acme/?tenant=1', /query or fragment/],
    ['', /is not a URL/],
  ])('refuses %j naming the variable', (text, message) => {
    expect(() => parsePortalUrl(text, 'HELIX_URL')).toThrow(UsageError);
    expect(() => parsePortalUrl(text, 'HELIX_URL')).toThrow(message);
  });

  it('never echoes a password', () => {
    expect(() => parsePortalUrl('ftp://u:hunter2@x', 'HELIX_URL')).not.toThrow(/hunter2/);
    expect(() => parsePortalUrl('ftp://u:hunter2@x', 'HELIX_URL')).toThrow(UsageError);
    expect(() => parsePortalUrl('https://u:hunter2@[bad', 'HELIX_URL')).toThrow(
      'HELIX_URL "https://***@[bad" is not a URL',
    );
  });
});

describe('output formats', () => {
  it('knows the four formats', () => {
    expect(['table', 'json', 'ndjson', 'tsv'].every(isOutputFormat)).toBe(true);
    expect(isOutputFormat('xml')).toBe(false);
  });
});
