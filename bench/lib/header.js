/** What a run measured with: the lines above the tables, and its environments. */
import { CLEAN_KEPT, nodeVariables } from './workspace.js';

/** Which environments the commands ran with, and what in the inherited one changes Node. */
export function envInfo(workspace) {
  return {
    clean: [...CLEAN_KEPT, 'HOME', 'HELIXCTL_CONFIG_DIR', 'HELIXCTL_DATA_DIR'],
    inheritedNode: nodeVariables(workspace.envs.inherited),
    otherGroups: workspace.envName,
  };
}

export function header(info, tiny) {
  const node = info.env.inheritedNode.length ? info.env.inheritedNode.join(', ') : 'none';
  return [
    `helixctl bench${tiny ? ' (tiny: proves the harness runs; no verdicts)' : ''}`,
    `${info.cores} cores, ${info.cpu}, Node ${info.node}, SQLite via ${info.driver}`,
    `clean env keeps ${info.env.clean.join(', ')} (bench folders); inherited env: the caller's` +
      ` minus HELIX*, CI, GITHUB_*, NO_COLOR, FORCE_COLOR, XDG_*, NODE_COMPILE_CACHE;` +
      ` Node/TLS variables in it: ${node}`,
    `start-up ratios are to node -e 0 of the same env; large-list and rotate ran in the` +
      ` ${info.env.otherGroups} env`,
    `load average ${info.loadAverage.join(' ')} before, ${info.loadAverageAfter.join(' ')} after`,
  ].join('\n');
}
