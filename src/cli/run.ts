import { readFileSync } from 'node:fs';
import { Command } from 'commander';

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

export async function run(argv: readonly string[]): Promise<number> {
  const program = new Command('helixctl').version(readVersion()).exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return typeof code === 'number' ? code : 1;
  }
}
