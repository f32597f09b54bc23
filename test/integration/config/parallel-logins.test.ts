import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { runCli, type Sandbox, sandbox } from '../../helpers/cli.js';
import { useEmulator } from '../../helpers/lifecycle.js';

/**
 * Racing writers (docs/security.md): 20 logins at once in one HOME, each to its own profile,
 * through the real login body and config code on real files, against the emulator over
 * loopback. Every profile and every secret must be there afterwards, 50 rounds in a row. (The
 * same with the built binary, 5 rounds: test/e2e/config/parallel-logins.test.ts.)
 */
const emu = useEmulator();
const ROUNDS = Number(process.env.ROUNDS ?? 50);
const PARALLEL = 20;

const boxes: Sandbox[] = [];
afterEach(() => {
  for (const box of boxes.splice(0)) box.cleanup();
});

it(`${PARALLEL} parallel logins keep all ${PARALLEL} profiles and secrets, ${ROUNDS} rounds`, async () => {
  const admin = emu.admin;
  if (!admin) throw new Error('the emulator has no admin credential');
  const credential = formatCredential(admin);
  for (let round = 0; round < ROUNDS; round += 1) {
    const box = sandbox();
    boxes.push(box);
    const names = Array.from({ length: PARALLEL }, (_, i) => `p${i}`);
    const results = await Promise.all(
      names.map((name) =>
        runCli(['login', '--url', emu.url, '--profile', name, '--credential-stdin'], {
          env: box.env,
          stdin: credential,
        }),
      ),
    );
    for (const result of results) expect(result.exitCode, result.stderr).toBe(0);
    const dir = join(box.home, '.config', 'helixctl');
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    const secrets = JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'));
    expect(Object.keys(config.profiles).sort(), `round ${round}`).toEqual([...names].sort());
    for (const name of names) {
      expect(secrets.profiles[name]?.secret_key, `round ${round}, ${name}`).toBe(admin.secretKey);
    }
    expect(names).toContain(config.current_profile);
    expect(readdirSync(dir).filter((f) => f.includes('tmp') || f.endsWith('.lock'))).toEqual([]);
    box.cleanup();
    boxes.pop();
  }
}, 600_000);
