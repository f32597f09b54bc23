/** Runs per group: the full run, and the tiny one CI uses to prove the harness works. */
export function benchPlan(tiny) {
  return tiny
    ? {
        startUp: { runs: 2, warmup: 1 },
        largeList: { runs: 2, warmup: 1 },
        rotate: { runs: 1, warmup: 0, keys: 16, latencyMs: 25 },
        throughput: { rounds: 1, seconds: 1 },
      }
    : {
        startUp: { runs: 20, warmup: 3 },
        largeList: { runs: 7, warmup: 2 },
        rotate: { runs: 3, warmup: 1, keys: 200, latencyMs: 25 },
        throughput: { rounds: 3, seconds: 5 },
      };
}

/**
 * `--tiny`, `--strict`, `--clean-env`, `--only a,b` (groups: start-up, large-list, rotate,
 * throughput).
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
