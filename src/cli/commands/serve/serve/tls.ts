import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../../../../core/errors.js';

/** What `serve --tls` serves with, and the CA a client must trust (absent for given files). */
export interface ServeTls {
  cert: string;
  key: string;
  /** The generated CA's certificate: for NODE_EXTRA_CA_CERTS or `login --ca-file`. */
  caPath?: string;
  /** Removes the generated files (the CA's key is never kept). */
  dispose(): Promise<void>;
}

/** `--tls-cert` and `--tls-key`, read as given (PEM). */
export async function readTlsFiles(certPath: string, keyPath: string): Promise<ServeTls> {
  const read = async (path: string, flag: string) => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read ${flag} ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  };
  return {
    cert: await read(certPath, '--tls-cert'),
    key: await read(keyPath, '--tls-key'),
    dispose: async () => undefined,
  };
}

/**
 * A throw-away CA and a server certificate for localhost, 127.0.0.1 and ::1, valid 30 days,
 * in a fresh private temp folder. Node has no X.509 builder, so the `openssl` command makes
 * them (Debian and macOS ship it). The CA's key is deleted once the certificate is signed.
 *
 * @throws UsageError when openssl is missing or fails (use --tls-cert/--tls-key instead).
 */
export async function generateTls(): Promise<ServeTls> {
  const dir = await mkdtemp(join(tmpdir(), 'helixctl-serve-tls-'));
  const file = (name: string) => join(dir, name);
  const run = promisify(execFile);
  const openssl = async (args: string[]) => {
    try {
      await run('openssl', args, { cwd: dir });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT'
          ? 'serve --tls needs the openssl command to make its certificate'
          : `openssl failed to make the certificate: ${
              String((error as { stderr?: unknown }).stderr ?? code)
                .trim()
                .split('\n')[0]
            }`,
        { hint: 'install openssl, or pass your own with --tls-cert <pem> --tls-key <pem>' },
      );
    }
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '30',
    '-subj',
    '/CN=helixctl serve CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]); // prettier-ignore
  await openssl([
    'req',
    '-new',
    ...ec,
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=localhost',
  ]);
  await writeFile(
    file('server.ext'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nbasicConstraints=CA:FALSE\n' +
      'keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n',
  );
  const serial = `0x${Date.now().toString(16)}${Math.floor(Math.random() * 0xffff).toString(16)}`;
  await openssl([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    serial,
    '-days',
    '30',
    '-extfile',
    'server.ext',
    '-out',
    'server.pem',
  ]); // prettier-ignore
  await Promise.all(['ca.key', 'server.csr', 'server.ext'].map((name) => rm(file(name))));
  return {
    cert: await readFile(file('server.pem'), 'utf8'),
    key: await readFile(file('server.key'), 'utf8'),
    caPath: file('ca.pem'),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
