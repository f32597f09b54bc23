/** What a run measured with: the machine line above the table, and its environment. */

/** Which environment the commands ran with, and what in it changes Node's start-up. */
export function envInfo(env, clean) {
  return {
    mode: clean ? 'clean' : 'inherited',
    nodeExtraCaCerts: env.NODE_EXTRA_CA_CERTS !== undefined,
    nodeOptions: env.NODE_OPTIONS ?? '',
  };
}

export function header(info, tiny) {
  const env =
    info.env.mode === 'clean'
      ? 'clean environment (PATH, LANG)'
      : `inherited environment${info.env.nodeExtraCaCerts ? ', NODE_EXTRA_CA_CERTS set' : ''}`;
  return [
    `helixctl bench${tiny ? ' (tiny: proves the harness, not the targets)' : ''}`,
    `${info.cores} cores, ${info.cpu}, Node ${info.node}, SQLite via ${info.driver}, ${env}`,
    `load average ${info.loadAverage.join(' ')} before, ${info.loadAverageAfter.join(' ')} after`,
  ].join('\n');
}
