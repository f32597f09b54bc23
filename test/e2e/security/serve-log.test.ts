import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startServe } from '../../helpers/serve-process.js';

/**
 * `helixctl serve` logs each request's path, decoded: whoever can reach the port writes it.
 * A path holding an OSC title, an OSC 52 clipboard write, a C1 CSI or a newline shows as
 * visible escapes on one line, never as a control or a forged log line.
 */
describe('the serve request log', () => {
  it('prints a hostile request path as one visible line', async () => {
    const serve = await startServe();
    try {
      const path =
        '/ims/api/v1/%1B]0;pwned%07%1B]52;c;cHduZWQ=%07%C2%9B2J%0AGET%20/forged%20200%200.1ms';
      await fetch(new URL(path, serve.url)).catch(() => undefined);
      await sleep(300);
      const log = serve.stderr();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the test
      expect(log).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(log).not.toMatch(/^GET \/forged/m);
      expect(log).toContain('\\x1b]0;pwned\\x07');
    } finally {
      await serve.stop();
    }
  });
});
