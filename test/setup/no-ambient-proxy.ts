// setupFiles: the proxy decision (src/api/proxy.ts) reads process.env, as proxy-from-env does;
// a proxy set on the developer's or the runner's machine must not route in-process tests.
// Spawned CLIs get exactly the environment their test gives them.
for (const name of ['http_proxy', 'https_proxy', 'all_proxy', 'no_proxy']) {
  delete process.env[name];
  delete process.env[name.toUpperCase()];
}
