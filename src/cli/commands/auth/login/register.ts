import type { Command } from 'commander';
import { defined, str } from '../../../runtime/defined.js';
import { defineVerb } from '../../../runtime/verb-spec.js';
import type { LoginOptions } from './options.js';

export const loginVerb = defineVerb<LoginOptions>(
  'login',
  () => import('./body.js').then((m) => m.login),
  (parent, run) => {
    parent
      .command('login')
      .description('log in with an access key and save it as a profile')
      .option(
        '--access-key <key>',
        'the access key (the secret is never taken from the command line)',
      )
      .option('--secret-stdin', 'read the secret key from stdin')
      .option(
        '--credential-stdin',
        'read a whole credential (key:...::...,tenant id:...) from stdin',
      )
      .option('--from-clipboard', 'read a whole credential from the clipboard')
      .option('--dry-run', 'log in and show who you are, but save nothing')
      .option(
        '--proxy <url>',
        'pin this proxy (http://host:port, no password) in the profile; "" removes it',
      )
      .option(
        '--ca-file <pem>',
        'trust this CA (PEM) for the portal, saved in the profile; "" removes it',
      )
      .option(
        '--insecure-http',
        'allow plain http to a host that is not loopback (the secret travels in clear; warned every time)',
      )
      .addHelpText(
        'after',
        [
          '',
          'The secret comes from a hidden prompt, --secret-stdin, HELIX_SECRET_KEY, or a whole',
          'credential via --credential-stdin or --from-clipboard. There is no --secret flag.',
          'URL, tenant and access key: flags, then HELIX_URL, HELIX_TENANT_ID, HELIX_ACCESS_KEY',
          '(or HELIX_CREDENTIAL), then the profile being logged in again, then prompts.',
          'The profile is --profile (or HELIXCTL_PROFILE), else "default". Nothing is saved',
          'unless the login and /userinfo succeed. The profile becomes the default when',
          'there is none yet, or when it was named with --profile.',
          'Behind a proxy or a TLS-inspecting firewall: HTTPS_PROXY/NO_PROXY, --proxy, --ca-file',
          '(README "Corporate networks").',
          '',
          'Examples:',
          '  $ helixctl login --url https://acme.onbmc.com --tenant 1234567890 --access-key AK… --profile prod',
          '  $ pbpaste | helixctl login --url https://acme.onbmc.com --credential-stdin',
          '',
        ].join('\n'),
      )
      .action(async (o: Record<string, unknown>, cmd: Command) => {
        const options: LoginOptions = {
          secretStdin: o.secretStdin === true,
          credentialStdin: o.credentialStdin === true,
          fromClipboard: o.fromClipboard === true,
          dryRun: o.dryRun === true,
          insecureHttp: o.insecureHttp === true,
          ...defined({
            accessKey: str(o.accessKey),
            proxy: str(o.proxy),
            caFile: str(o.caFile),
          }),
        };
        await run(options, cmd);
      });
  },
);
