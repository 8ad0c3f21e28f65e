import { parseArgs } from 'node:util';

/** Command-line flags of `aikynetix-mcp`. */
export interface Flags {
  apiKey?: string;
  baseUrl?: string;
  authStyle?: string;
  http: boolean;
  port?: string;
  host?: string;
  token?: string;
  allowRemote: boolean;
  help: boolean;
  version: boolean;
}

/** Wrong use of the command line (unknown flag, bad value): one line on stderr, exit 2. */
export class UsageError extends Error {}

/** Parses argv strictly: unknown flags and stray arguments are refused, not ignored. */
export function parseFlags(argv: string[]): Flags {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'api-key': { type: 'string' },
        'base-url': { type: 'string' },
        'auth-style': { type: 'string' },
        http: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        'allow-remote': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    // parseArgs' messages name the flag; they never contain a flag's value.
    throw new UsageError(`${(err as Error).message} (aikynetix-mcp --help lists the flags)`);
  }
  const v = parsed.values;
  const flags: Flags = {
    apiKey: v['api-key'],
    baseUrl: v['base-url'],
    authStyle: v['auth-style'],
    http: v.http ?? false,
    port: v.port,
    host: v.host,
    token: v.token,
    allowRemote: v['allow-remote'] ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
  if (!flags.http) {
    for (const [name, value] of [['--port', flags.port], ['--host', flags.host], ['--token', flags.token]] as const) {
      if (value !== undefined) throw new UsageError(`${name} only applies with --http`);
    }
    if (flags.allowRemote) throw new UsageError('--allow-remote only applies with --http');
  }
  return flags;
}

/** The --help text. */
export const USAGE = `aikynetix-mcp: the AIKYNETIX biomechanics API as Model Context Protocol tools for AI agents

Usage:
  aikynetix-mcp                      serve over stdio (for desktop assistants that start the server)
  aikynetix-mcp --http [--port N]    serve Streamable HTTP at http://127.0.0.1:N/mcp (default port 3927)

Connection (flags override environment variables):
  --api-key KEY       AIKYNETIX API key            (env AIKYNETIX_API_KEY; prefer the env: flags show in process lists)
  --base-url URL      API address, https unless localhost (env AIKYNETIX_BASE_URL; default https://api.aikynetix.app)
  --auth-style STYLE  authorizationApiKey (default), apiKeyHeader or bearer (env AIKYNETIX_AUTH_STYLE)

HTTP transport:
  --port N            port to listen on (default 3927; 0 picks a free one)
  --host ADDR         address to bind (default 127.0.0.1)
  --allow-remote      allow binding a non-loopback address (put TLS in front of it)
  --token TOKEN       bearer token clients must send, 16+ characters (env AIKYNETIX_MCP_TOKEN; required)

  -h, --help          this text
  -v, --version       the version
`;
