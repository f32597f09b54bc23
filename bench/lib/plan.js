/**
 * Runs per group: the full run, and the tiny one CI uses to prove the harness works (every
 * case at least once, no verdicts). Commands are measured in `blocks` of `rounds` rounds
 * (measure.js: runBlocks); throughput in `rounds` of one wrk run per target.
 */
export function benchPlan(tiny) {
  return tiny
    ? {
        startUp: { blocks: 2, rounds: 1, warmup: 0 },
        largeList: { blocks: 1, rounds: 1, warmup: 0 },
        rotate: { blocks: 1, rounds: 1, warmup: 0, keys: 16, latencyMs: 25 },
        throughput: { rounds: 1, seconds: 1, warmupSeconds: 0 },
      }
    : {
        startUp: { blocks: 5, rounds: 4, warmup: 2 },
        largeList: { blocks: 3, rounds: 3, warmup: 2 },
        rotate: { blocks: 3, rounds: 1, warmup: 1, keys: 200, latencyMs: 25 },
        throughput: { rounds: 4, seconds: 4, warmupSeconds: 1 },
      };
}

/**
 * `--tiny`, `--strict`, `--clean-env` (the large-list and rotate groups run in the clean
 * environment too; start-up always runs in both), `--only a,b` (groups: start-up, large-list,
 * rotate, throughput).
 */
export function parseArgs(argv) {
  const options = { tiny: false, strict: false, cleanEnv: false, only: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--tiny') options.tiny = true;
    else if (arg === '--clean-env') options.cleanEnv = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--only') options.only = new Set((argv[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) options.only = new Set(arg.slice(7).split(','));
    else
      throw new Error(`unknown option ${arg} (use --tiny, --strict, --clean-env, --only <groups>)`);
  }
  return options;
}
