// Child processes (n8n, redis-server, PostgreSQL) must not outlive the test, even when jest is
// stopped with a signal (CI timeouts, Ctrl-C): 'exit' alone does not run on a fatal signal.
const cleanups = new Set<() => void>();
let installed = false;

/** Registers a synchronous cleanup; returns a function that unregisters it. */
export function onTeardown(fn: () => void): () => void {
  cleanups.add(fn);
  if (!installed) {
    installed = true;
    const runAll = () => {
      for (const f of cleanups) {
        try {
          f();
        } catch {
          // keep going: the others still need to run
        }
      }
      cleanups.clear();
    };
    process.once('exit', runAll);
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      process.once(signal, () => {
        runAll();
        process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
      });
    }
  }
  return () => cleanups.delete(fn);
}
