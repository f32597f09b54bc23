import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { expect } from 'vitest';
import type { ProxiedRequest } from '../../helpers/fault-proxy.js';

/**
 * What the secret-leak battery knows and where it may be. Every secret key and token that
 * crossed the wire (read at the fault proxy: request bodies, Authorization headers, answer
 * bodies) or that the CLI saved (credentials.json, tokens.json) is known; each is searched
 * whole and by a telling fragment, everywhere the user did not choose as its sink.
 */

export class Known {
  readonly secrets = new Set<string>();
  readonly tokens = new Set<string>();

  addSecret(value: unknown): void {
    if (typeof value === 'string' && value.length >= 8) this.secrets.add(value);
  }

  addToken(value: unknown): void {
    if (typeof value === 'string' && value.length >= 16) this.tokens.add(value);
  }

  /** Learns from what went over the wire; returns the secrets first seen there. */
  learn(requests: readonly ProxiedRequest[]): Set<string> {
    const before = new Set(this.secrets);
    for (const r of requests) {
      const bearer = /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ''))?.[1];
      this.addToken(bearer);
      this.learnJson(r.body);
      this.learnJson(r.responseBody);
    }
    return new Set([...this.secrets].filter((s) => !before.has(s)));
  }

  /** Learns from the CLI's own files (the brief: read tokens.json to learn the tokens). */
  learnFiles(configDir: string): void {
    for (const name of ['credentials.json', 'tokens.json']) {
      const path = join(configDir, name);
      if (!existsSync(path) || !lstatSync(path).isFile()) continue;
      walk(JSON.parse(readFileSync(path, 'utf8')), (key, value) => {
        if (key === 'secret_key') this.addSecret(value);
        if (key === 'json_web_token' || key === 'token') this.addToken(value);
      });
    }
  }

  private learnJson(text: string | undefined): void {
    if (!text) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    walk(value, (key, v) => {
      if (key === 'access_secret_key') this.addSecret(v);
      if (key === 'json_web_token' || key === 'token' || key === 'refresh_token') this.addToken(v);
    });
  }
}

function walk(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}

/** The whole value and a fragment only it has (a 50-char secret's head, a JWT's signature). */
function needles(value: string): string[] {
  const parts = value.split('.');
  if (parts.length === 3) return [value, parts[2] as string];
  return value.length >= 40 ? [value, value.slice(0, 20), value.slice(-20)] : [value];
}

export interface Allowed {
  secrets?: ReadonlySet<string> | 'any';
  tokens?: boolean;
}

/** Every known secret or token found in `text` that `allowed` does not allow. */
export function leaksIn(text: string, known: Known, allowed: Allowed = {}): string[] {
  const found: string[] = [];
  for (const secret of known.secrets) {
    if (allowed.secrets === 'any' || allowed.secrets?.has(secret)) continue;
    if (needles(secret).some((n) => text.includes(n))) found.push(`secret ${secret.slice(0, 6)}…`);
  }
  if (!allowed.tokens) {
    for (const token of known.tokens) {
      if (needles(token).some((n) => text.includes(n))) found.push(`token …${token.slice(-6)}`);
    }
  }
  return found;
}

/** Files of the emulator's own database (hashes by design): not the CLI's to answer for. */
const EMULATOR_DB = /\.db(-wal|-shm|-journal)?$/;

/**
 * Scans every file under `home`: credentials.json may hold secrets, tokens.json tokens,
 * the sinks the user named (files, or folders of `--secret-dir`) secrets; nothing else may
 * hold either. Also checks the modes: secret-bearing files 0600, their folders 0700.
 */
export function expectHomeClean(home: string, known: Known, sinks: ReadonlySet<string>): number {
  let scanned = 0;
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        visit(path);
        continue;
      }
      if (!stat.isFile()) continue;
      const where = relative(home, path);
      const dirMode = (lstatSync(dir).mode & 0o777).toString(8);
      if (EMULATOR_DB.test(name)) {
        // Not scanned (hashes by design), but private all the same.
        expect((stat.mode & 0o777).toString(8), `mode of ${where}`).toBe('600');
        expect(dirMode, `mode of ${relative(home, dir)}/`).toBe('700');
        continue;
      }
      scanned += 1;
      const sink = sinks.has(path) || sinks.has(dir);
      const allowed: Allowed =
        basename(path) === 'credentials.json'
          ? { secrets: 'any' }
          : basename(path) === 'tokens.json'
            ? { tokens: true }
            : sink
              ? { secrets: 'any' }
              : {};
      const text = readFileSync(path, 'utf8');
      expect(leaksIn(text, known, allowed), `leak in ${where}`).toEqual([]);
      const configFile = /^(credentials|tokens|config)\.json$/.test(name);
      if (sink || configFile) {
        expect((stat.mode & 0o777).toString(8), `mode of ${where}`).toBe('600');
      }
      // The folders we make (not the one a user named for --secret-file): 0700.
      if (configFile || sinks.has(dir)) {
        expect(dirMode, `mode of ${relative(home, dir)}/`).toBe('700');
      }
    }
  };
  if (existsSync(home)) visit(home);
  return scanned;
}
