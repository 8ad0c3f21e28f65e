import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ENV, defaultConfigPath } from './config';
import { type Context, createContext } from './context';
import { ExitCode, exitCodeFor } from './exitCodes';
import { type Io, redactingWriter } from './io';
import { errorJson, formatError, json } from './output';
import { MissingError, UsageError } from './usage';
import { registerExport } from './commands/export';
import { registerMetrics } from './commands/metrics';
import { registerReport } from './commands/report';
import { registerSessions } from './commands/sessions';
import { registerSimulate } from './commands/simulate';
import { registerSummary } from './commands/summary';
import { registerUpload } from './commands/upload';
import { registerVideo } from './commands/video';

export type { Io } from './io';
export { ExitCode } from './exitCodes';

/** Wraps a command body: builds its context, then runs it with the positional args and options. */
export type ActionFactory = <A extends unknown[]>(
  body: (ctx: Context, ...args: A) => Promise<void>,
) => (...args: unknown[]) => Promise<void>;

/** What each `commands/<name>.ts` receives to register itself. */
export interface Registrar {
  program: Command;
  action: ActionFactory;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Values of `--api-key` on the command line and in the env, redacted before anything is parsed. */
function secretsFromArgs(argv: readonly string[], env: Io['env']): string[] {
  const found: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--api-key' && argv[i + 1]) found.push(argv[i + 1]);
    else if (arg.startsWith('--api-key=')) found.push(arg.slice('--api-key='.length));
  });
  if (env[ENV.apiKey]) found.push(env[ENV.apiKey]!);
  return found.map((s) => s.trim()).filter(Boolean);
}

function rootHelp(env: Io['env']): string {
  return `
Configuration (first found wins):
  1. flags        --api-key, --base-url, --auth-style
  2. environment  ${ENV.apiKey}, ${ENV.baseUrl}, ${ENV.auth}
  3. config file  --config <path>, default ${defaultConfigPath(env)}
                  {"apiKey": "...", "baseUrl": "https://api.aikynetix.app", "authStyle": "authorizationApiKey"}
  4. defaults     https://api.aikynetix.app, Authorization: API-KEY <key>

Output: results go to stdout (JSON only with --json); messages and progress go to stderr.

Exit codes: 0 ok, 1 failure, 2 bad usage or input, 3 authentication/permission,
            4 not found, 5 session failed, 6 timed out, 7 network or server error,
            8 outcome of an upload/generation unknown (check before running it again), 130 interrupted

Examples:
  $ aikynetix simulate --port 8787
  $ export ${ENV.baseUrl}=http://127.0.0.1:8787 ${ENV.apiKey}=<key printed by simulate>
  $ aikynetix upload run.mp4 --user athlete-1 --wait
  $ aikynetix sessions list --activity running --status processed --limit 5
  $ aikynetix report gait <session-id> --json | jq .left.peak_time
`;
}

/** Builds the `aikynetix` command tree writing to `io`; `onSecret` learns each key in use (to scrub it), `contexts` collects contexts for cleanup. */
export function buildProgram(io: Io, onSecret: (key: string) => void, contexts: Context[]): Command {
  const program = new Command('aikynetix');
  program
    .description('Command line for the AIKYNETIX biomechanics API (and its local simulator)')
    .version(version(), '-V, --version')
    .option('--api-key <key>', `API key (default: $${ENV.apiKey}, then the config file)`)
    .option('--base-url <url>', `API address (default: $${ENV.baseUrl}, then https://api.aikynetix.app)`)
    .option('--auth-style <style>', 'key header: authorizationApiKey (default), apiKeyHeader or bearer')
    .option('--config <path>', 'config file (JSON with apiKey, baseUrl, authStyle)')
    .option('--json', 'print results as JSON on stdout (nothing else goes to stdout)')
    .option('-v, --verbose', 'print requests and settings (never the key) to stderr')
    .showSuggestionAfterError()
    .addHelpText('after', rootHelp(io.env));

  const action: ActionFactory = (body) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const ctx = createContext(io, command, onSecret);
    contexts.push(ctx);
    await body(ctx, ...(args.slice(0, -1) as never));
  };
  const registrar: Registrar = { program, action };
  registerSimulate(registrar);
  registerSessions(registrar);
  registerUpload(registrar);
  registerReport(registrar);
  registerSummary(registrar);
  registerExport(registrar);
  registerMetrics(registrar);
  registerVideo(registrar);

  // Every (sub)command: throw instead of exiting, and write through our (redacting) streams.
  const configure = (cmd: Command) => {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
    cmd.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/**
 * Runs the CLI with `argv` (arguments after the program name) and returns the exit code.
 * Tests call this in-process; bin.ts passes the real process streams.
 */
export async function run(argv: readonly string[], ioIn: Io): Promise<number> {
  const secrets = secretsFromArgs(argv, ioIn.env);
  const io: Io = {
    ...ioIn,
    stdout: redactingWriter(ioIn.stdout, () => secrets),
    stderr: redactingWriter(ioIn.stderr, () => secrets),
  };
  const contexts: Context[] = [];
  const program = buildProgram(io, (key) => secrets.push(key), contexts);
  let asJson = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exit code 0; help shown for a missing subcommand does not
      if (err.exitCode === 0) return ExitCode.ok;
      if (asJson) io.stdout.write(json(errorJson(new UsageError(err.message.replace(/^error: /, '')), ExitCode.usage)));
      return ExitCode.usage;
    }
    const code = exitCodeFor(err);
    asJson = contexts[contexts.length - 1]?.json ?? asJson;
    if (asJson && !(err instanceof MissingError && err.resultPrinted)) io.stdout.write(json(errorJson(err, code)));
    io.stderr.write(formatError(err));
    contexts[contexts.length - 1]?.debug(`exit code ${code}`);
    return code;
  } finally {
    for (const ctx of contexts) await ctx.dispose().catch(() => undefined);
  }
}
