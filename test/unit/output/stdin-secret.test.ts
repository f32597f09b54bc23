import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { readSecretFromStdin } from '../../../src/output/prompts.js';
import { fakeIo } from '../../helpers/fake-io.js';

function piped(...chunks: (string | Buffer)[]) {
  const io = fakeIo();
  for (const chunk of chunks) io.stdin.write(chunk);
  io.stdin.end();
  return io;
}

describe('readSecretFromStdin', () => {
  it('reads everything piped, minus one trailing newline', async () => {
    await expect(readSecretFromStdin(piped('abc', 'DEF\n'))).resolves.toBe('abcDEF');
    await expect(readSecretFromStdin(piped('abc\r\n'))).resolves.toBe('abc');
    await expect(readSecretFromStdin(piped('abc\n\n'))).resolves.toBe('abc\n');
    await expect(readSecretFromStdin(piped('no-newline'))).resolves.toBe('no-newline');
    await expect(readSecretFromStdin(piped(Buffer.from('clé\n')))).resolves.toBe('clé');
  });

  it('refuses empty input', async () => {
    for (const io of [piped(), piped('\n'), piped('  \n')]) {
      await expect(readSecretFromStdin(io)).rejects.toThrow(UsageError);
    }
    await expect(readSecretFromStdin(piped(), { flag: '--credential-stdin' })).rejects.toThrow(
      'nothing was read from standard input for --credential-stdin',
    );
  });

  it('refuses a terminal, with a hint to pipe the value', async () => {
    const io = fakeIo({ stdinTTY: true });
    const read = readSecretFromStdin(io);
    await expect(read).rejects.toMatchObject({
      exitCode: 2,
      message: '--secret-stdin reads standard input, which is a terminal here',
    });
    await expect(read).rejects.toHaveProperty('hint', expect.stringContaining('pipe the value in'));
  });

  it('refuses oversized input without echoing it', async () => {
    const big = 'S'.repeat(70 * 1024);
    const read = readSecretFromStdin(piped(big));
    await expect(read).rejects.toThrow('larger than 64 KiB');
    await expect(read).rejects.not.toThrow(/SSSS/);
  });
});
