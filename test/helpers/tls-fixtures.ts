import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/**
 * Certificates for the TLS tests, made with the openssl command: a private CA (standing in
 * for a TLS-inspecting proxy's), and server certificates it signs, good, expired, or for
 * another host, plus a self-signed one. All in one temp folder, removed by `cleanup`.
 */
export interface TlsFixtures {
  dir: string;
  /** The private CA's certificate (what `--ca-file` / NODE_EXTRA_CA_CERTS is given). */
  caPath: string;
  /** `{cert, key}` file paths for `serve --tls-cert/--tls-key`. */
  good: CertFiles;
  expired: CertFiles;
  otherHost: CertFiles;
  selfSigned: CertFiles;
  cleanup(): void;
}

export interface CertFiles {
  cert: string;
  key: string;
}

const LOOPBACK = 'DNS:localhost,IP:127.0.0.1,IP:::1';

export async function makeTlsFixtures(): Promise<TlsFixtures> {
  const dir = mkdtempSync(join(tmpdir(), 'helixctl-tls-'));
  const openssl = (args: string[]) => execa('openssl', args, { cwd: dir });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl([
    ...['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30'],
    ...['-subj', '/CN=Inspecting Proxy Test CA', '-addext', 'basicConstraints=critical,CA:TRUE'],
    ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  ]);
  // `openssl ca` can back-date a certificate (x509 -req cannot in OpenSSL 3.0).
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test',
      '[test]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  const sign = async (name: string, san: string, dates: string[]) => {
    await openssl(
      ['req', '-new', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`].concat([
        '-subj',
        `/CN=${name}`,
      ]),
    ); // prettier-ignore
    writeFileSync(
      join(dir, `${name}.ext`),
      `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
    );
    await openssl([
      ...['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key'],
      ...['-in', `${name}.csr`, '-out', `${name}.pem`, '-notext', '-extfile', `${name}.ext`],
      ...dates,
    ]);
    return { cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) };
  };
  const good = await sign('good', LOOPBACK, ['-days', '30']);
  const expired = await sign('expired', LOOPBACK, [
    ...['-startdate', '20200101000000Z', '-enddate', '20200201000000Z'],
  ]);
  const otherHost = await sign('other', 'DNS:portal.other.example', ['-days', '30']);
  await openssl([
    ...['req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '30'],
    ...['-subj', '/CN=localhost', '-addext', `subjectAltName=${LOOPBACK}`],
  ]);
  return {
    dir,
    caPath: join(dir, 'ca.pem'),
    good,
    expired,
    otherHost,
    selfSigned: { cert: join(dir, 'self.pem'), key: join(dir, 'self.key') },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
