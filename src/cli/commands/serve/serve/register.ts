import type { Command } from 'commander';
import { defined, num, str } from '../../../runtime/defined.js';
import { positiveIntOption } from '../../../runtime/option-parsers.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import type { ServeOptions } from './options.js';

function portOption(text: string): number {
  return text.trim() === '0' ? 0 : positiveIntOption(65_535)(text);
}

export const serveVerb = defineVerb<ServeOptions>(
  'serve',
  () => import('./body.js').then((m) => m.serveCommand),
  (parent, run) => {
    parent
      .command('serve')
      .description('run the local IMS emulator over HTTP')
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option('--port <port>', 'port to listen on; 0 picks a free one', portOption, 8787)
      .option('--db <file>', 'SQLite file, or :memory: (default: serve.db in the data folder)')
      .option(
        '--seed <file>',
        'JSON seed file applied to an empty database instead of the bootstrap',
      )
      .option('--tls', 'serve HTTPS with a generated CA and certificate (prints the CA path)')
      .option('--tls-cert <pem>', 'serve HTTPS with this certificate chain (with --tls-key)')
      .option('--tls-key <pem>', 'the private key of --tls-cert')
      .option('--test-clock', 'allow tests to move the clock through /__emulator/clock')
      .option(
        '--latency <ms>',
        'add this delay to every response (benchmarks, fault tests)',
        positiveIntOption(60_000),
      )
      .option(
        '--print-example-seed',
        'print an example seed file (groups, users, keys) and exit: no server',
      )
      .option(
        '--new-admin-credential',
        'issue a fresh administrator key and print it (every other key is kept)',
      )
      .addHelpText(
        'after',
        [
          '',
          'On an empty database it creates a tenant and prints the administrator credential on',
          'stdout, once, in the copy format. A database whose credential was never printed',
          'prints a fresh one at the next start; --new-admin-credential issues one on demand.',
          'A busy port fails (exit 7) before anything is created. Stop it with Ctrl-C.',
          '',
          'Examples:',
          '  $ helixctl serve --port 8787 --db ./emulator.db',
          '  $ helixctl serve --port 0 --db :memory: --test-clock',
          '  $ helixctl serve --tls    # then NODE_EXTRA_CA_CERTS=<the CA path it prints>',
          '  $ helixctl serve --print-example-seed > seed.json && helixctl serve --seed seed.json',
          '',
        ].join('\n'),
      )
      .action(async (o: Record<string, unknown>, cmd: Command) => {
        const options: ServeOptions = {
          host: o.host as string,
          port: o.port as number,
          testClock: o.testClock === true,
          ...(o.tls === true ? { tls: true } : {}),
          ...(o.newAdminCredential === true ? { newAdminCredential: true } : {}),
          ...(o.printExampleSeed === true ? { printExampleSeed: true } : {}),
          ...defined({
            db: str(o.db),
            seed: str(o.seed),
            latencyMs: num(o.latency),
            tlsCert: str(o.tlsCert),
            tlsKey: str(o.tlsKey),
          }),
        };
        await run(options, cmd);
      });
  },
);
