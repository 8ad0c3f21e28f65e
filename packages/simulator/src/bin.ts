#!/usr/bin/env node
import { start } from './index';
import { parseCli, USAGE } from './options';

/** CLI entry: starts the simulator and prints its URL and keys. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const sim = await start({
    ...options,
    logger: {
      info: (m) => process.stdout.write(`${m}\n`),
      warn: (m) => process.stderr.write(`warning: ${m}\n`),
      error: (m) => process.stderr.write(`error: ${m}\n`),
    },
  });
  process.stdout.write(
    [
      `AIKYNETIX simulator ready at ${sim.url}`,
      `  admin key:     ${sim.keys.admin}`,
      `  non-admin key: ${sim.keys.nonAdmin}`,
      `  no-plan key:   ${sim.keys.noPlan}`,
      `  control:       ${sim.url}/__sim/stats`,
      options.dataDir ? `  data dir:      ${options.dataDir}` : '  data:          in memory (use --data-dir to keep sessions)',
      '',
    ].join('\n'),
  );
  if (!/^(127\.|::1$|localhost$)/.test(options.host ?? '127.0.0.1')) {
    process.stderr.write(`warning: listening on ${options.host}: the /__sim/ control routes need no key and are reachable from the network\n`);
  }
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((err: unknown) => {
  process.stderr.write(`aikynetix-simulator failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
