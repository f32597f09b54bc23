import { stripVTControlCharacters } from 'node:util';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import {
  printCredentialBox,
  renderCredentialBox,
  SHOWN_ONCE,
} from '../../../src/output/credential-box.js';
import { createPrinter } from '../../../src/output/printer.js';
import { ESC, fakeIo } from '../../helpers/fake-io.js';

const value = {
  name: 'deploy-bot',
  accessKey: 'AKTESTKEY0000000000000000000Z1',
  secretKey: 'S'.repeat(50),
  tenantId: '1234567890',
  credential: `key:AKTESTKEY0000000000000000000Z1::${'S'.repeat(50)},tenant id:1234567890`,
};

describe('credential box', () => {
  it('renders plain lines when colour is off', () => {
    expect(renderCredentialBox(value, new Chalk({ level: 0 }))).toBe(
      [
        'New access key: deploy-bot',
        'Access key:  AKTESTKEY0000000000000000000Z1',
        `Secret key:  ${'S'.repeat(50)}`,
        'Tenant id:   1234567890',
        `Credential:  ${value.credential}`,
        SHOWN_ONCE,
        '',
      ].join('\n'),
    );
    expect(SHOWN_ONCE).toContain('shown only once: store it now');
  });

  it('styles the same content when colour is on', () => {
    const text = renderCredentialBox(value, new Chalk({ level: 1 }), {
      title: 'Rotated access key',
      note: 'local emulator (profile "local")',
    });
    expect(text).toContain(ESC);
    const lines = stripVTControlCharacters(text).split('\n');
    expect(lines[0]).toBe('Rotated access key: deploy-bot');
    expect(lines[1]).toBe('local emulator (profile "local")');
    expect(lines.at(-2)).toBe(`⚠ ${SHOWN_ONCE}`);
  });

  it('prints on stdout only, coloured only on a colour TTY', () => {
    const io = fakeIo({ stdoutTTY: true, env: { NO_COLOR: '1' } });
    printCredentialBox(createPrinter({ io, mode: 'table' }), value);
    expect(io.out()).toContain(`Secret key:  ${'S'.repeat(50)}\n`);
    expect(io.out()).not.toContain(ESC);
    expect(io.err()).toBe('');
  });

  it('neutralises control characters in the name', () => {
    const text = renderCredentialBox({ ...value, name: `x${ESC}[2J` }, new Chalk({ level: 0 }));
    expect(text.split('\n')[0]).toBe('New access key: x\\x1b[2J');
  });
});
