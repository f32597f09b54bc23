import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./emulator-process.js', import.meta.url));

/**
 * Starts the emulator in its own process (so that it never shares a core's event loop with
 * the harness) and resolves once it listens: `{ url, driver, seededMs, stop() }`.
 * `options`: `seed` (file path), `db`, `latencyMs`, `pageCache`.
 */
export function startEmulator(options = {}) {
  return startChild(SCRIPT, [JSON.stringify(options)], 'emulator');
}

/** Spawns `node script ...args`, waits for its one JSON line on stdout. */
export function startChild(script, args, label) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    const fail = (why) => reject(new Error(`${label}: ${why}${err ? `\n${err}` : ''}`));
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`exited early with code ${code}`));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (!out.includes('\n')) return;
      child.removeAllListeners('exit');
      const info = JSON.parse(line);
      resolve({ ...info, pid: child.pid, stderr: () => err, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
